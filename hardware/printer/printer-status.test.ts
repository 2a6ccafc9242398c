import { describe, expect, it } from 'vitest';
import { conditionError, decodePrinterStatus, toDeviceStatus, toDrawerStatus } from './printer-status';

const who = { deviceId: 'printer-1', name: 'Epson TM-T20', simulated: false };

const decode = (printer: number, offlineCause: number, paper: number) =>
  decodePrinterStatus({ printer, offlineCause, paper });

describe('DLE EOT status', () => {
  it('reads a healthy printer', () => {
    const r = decode(0x12, 0x12, 0x12);
    expect(r).toEqual({
      ok: true,
      value: {
        online: true,
        coverOpen: false,
        paperNearEnd: false,
        paperOut: false,
        error: false,
        drawerOpen: false,
      },
    });
    if (r.ok) expect(toDeviceStatus(r.value, who)).toEqual({ ...who, kind: 'printer', state: 'connected' });
  });

  it('reads paper near end as degraded', () => {
    const r = decode(0x12, 0x12, 0x1e);
    expect(r.ok && r.value.paperNearEnd).toBe(true);
    if (r.ok) {
      expect(conditionError(r.value)).toBeNull();
      expect(toDeviceStatus(r.value, who)).toMatchObject({
        state: 'degraded',
        detail: 'Papier bientôt épuisé',
      });
    }
  });

  it('reads paper out as disconnected, retryable', () => {
    const r = decode(0x1a, 0x32, 0x72);
    expect(r.ok && r.value).toMatchObject({ online: false, paperOut: true });
    if (r.ok) {
      expect(conditionError(r.value)).toMatchObject({ code: 'paper-out', retryable: true });
      expect(toDeviceStatus(r.value, who)).toMatchObject({
        state: 'disconnected',
        detail: 'Plus de papier dans l’imprimante',
      });
    }
  });

  it('reads paper end from the paper sensor alone', () => {
    const r = decode(0x12, 0x12, 0x72);
    expect(r.ok && conditionError(r.value)?.code).toBe('paper-out');
  });

  it('reads cover open and plain offline', () => {
    const cover = decode(0x1a, 0x16, 0x12);
    expect(cover.ok && conditionError(cover.value)?.code).toBe('cover-open');
    const offline = decode(0x1a, 0x12, 0x12);
    expect(offline.ok && conditionError(offline.value)?.code).toBe('printer-offline');
    if (offline.ok) expect(toDeviceStatus(offline.value, who).detail).toBe('Imprimante hors ligne');
    const failed = decode(0x1a, 0x52, 0x12);
    expect(failed.ok && conditionError(failed.value)?.code).toBe('printer-error');
  });

  it('reads the drawer from pin 3 in DLE EOT 1, even while offline', () => {
    const open = decode(0x16, 0x12, 0x12);
    expect(open.ok && open.value.drawerOpen).toBe(true);
    if (open.ok)
      expect(toDrawerStatus(open.value, who)).toMatchObject({ kind: 'drawer', detail: 'Tiroir ouvert' });
    const openWhilePaperOut = decode(0x1e, 0x32, 0x72);
    expect(openWhilePaperOut.ok && openWhilePaperOut.value).toMatchObject({
      drawerOpen: true,
      paperOut: true,
    });
    expect(toDrawerStatus(null, who)).toMatchObject({ state: 'disconnected' });
  });

  it('refuses bytes that are not status replies', () => {
    expect(decode(0x00, 0x12, 0x12)).toMatchObject({ ok: false, error: { code: 'printer-bad-reply' } });
    expect(decode(0x12, 0x12, 0x93)).toMatchObject({ ok: false });
  });
});

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { DecodedReceipt } from './escpos-decoder';
import { PRINTER_SIM_CONDITIONS, type PrinterSimCondition } from './sim-condition';

/** The part of the simulator the page shows and drives. */
export interface PageControls {
  receipts(): DecodedReceipt[];
  condition(): PrinterSimCondition;
  setCondition(condition: PrinterSimCondition): void;
  drawerKicks(): number;
  drawerOpen(): boolean;
  closeDrawer(): void;
}

// The simulated printer's "paper" for the demo, on 127.0.0.1 only: the
// decoded receipts as text (newest first) and buttons that put the printer
// into a fault, so a user can watch the till react. JSON at /receipts.json.

const CONDITIONS = PRINTER_SIM_CONDITIONS;
const LABELS: Readonly<Record<PrinterSimCondition, string>> = {
  ok: 'OK',
  'paper-near-end': 'Papier bientôt épuisé',
  'paper-out': 'Plus de papier',
  'cover-open': 'Capot ouvert',
  offline: 'Hors ligne',
};

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.codePointAt(0)};`);

/** A printed image as SVG: one rect per run of black dots, so the logo shows on the page's "paper". */
function imageSvg(image: DecodedReceipt['images'][number]): string {
  const rects: string[] = [];
  image.rows.forEach((row, y) => {
    for (const run of row.matchAll(/#+/g))
      rects.push(`<rect x="${run.index}" y="${y}" width="${run[0].length}" height="1"/>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${image.widthDots}" height="${image.heightDots}" viewBox="0 0 ${image.widthDots} ${image.heightDots}" shape-rendering="crispEdges">${rects.join('')}</svg>`;
}

function render(sim: PageControls): string {
  const receipts = sim.receipts().reverse();
  const buttons = CONDITIONS.map(
    (c) =>
      `<button name="condition" value="${c}"${c === sim.condition() ? ' disabled' : ''}>${escapeHtml(LABELS[c])}</button>`,
  ).join(' ');
  const papers = receipts
    .map((r, i) => {
      const extras = [
        ...r.images.map((img) => `logo ${img.widthDots}×${img.heightDots} points`),
        ...r.barcodes.map((b) => `code-barres ${b}`),
        ...r.qr.map((q) => `QR ${q}`),
      ];
      const logos = r.images.map(imageSvg).join('');
      return `<section><h2>Ticket ${receipts.length - i}</h2><div class="paper">${logos}<pre>${escapeHtml(r.text)}</pre></div><p>${escapeHtml(extras.join(' · '))}</p></section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<title>Imprimante simulée</title>
<style>body{font-family:sans-serif;margin:1rem}.paper{display:inline-block;border:1px solid #999;padding:.5rem;text-align:center}pre{font-family:monospace;margin:0;text-align:left}section{margin:1rem 0}</style>
</head><body><h1>Imprimante simulée</h1>
<p>État : <strong>${escapeHtml(LABELS[sim.condition()])}</strong> · tiroir ${sim.drawerOpen() ? 'ouvert' : 'fermé'} (${sim.drawerKicks()} ouverture(s))</p>
<form method="post" action="/condition">${buttons}</form>
<form method="post" action="/drawer/close"><button${sim.drawerOpen() ? '' : ' disabled'}>Fermer le tiroir</button></form>
${papers || '<p>Aucun ticket imprimé.</p>'}</body></html>`;
}

async function formValue(request: IncomingMessage, name: string): Promise<string | null> {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > 1000) return null;
  }
  return new URLSearchParams(body).get(name);
}

const isCondition = (s: string | null): s is PrinterSimCondition =>
  s !== null && (CONDITIONS as readonly string[]).includes(s);

export async function startSimulatorPage(
  sim: PageControls,
  port: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const seeOther = (response: ServerResponse) => {
    response.writeHead(303, { location: '/' });
    response.end();
  };
  const server = createServer(async (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(render(sim));
    } else if (request.method === 'GET' && path === '/receipts.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          condition: sim.condition(),
          drawerOpen: sim.drawerOpen(),
          receipts: sim.receipts().reverse(),
        }),
      );
    } else if (request.method === 'POST' && path === '/condition') {
      const value = await formValue(request, 'condition');
      if (!isCondition(value)) {
        response.writeHead(400).end('unknown condition');
        return;
      }
      sim.setCondition(value);
      seeOther(response);
    } else if (request.method === 'POST' && path === '/drawer/close') {
      sim.closeDrawer();
      seeOther(response);
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

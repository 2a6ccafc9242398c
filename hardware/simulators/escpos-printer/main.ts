import { startEscposPrinterSimulator } from './escpos-simulator';

// The simulated receipt printer on its own, for the demo or a manual try:
//   npx tsx hardware/simulators/escpos-printer/main.ts
// PRINTER_SIM_PORT (print data, default 9100), PRINTER_SIM_HTTP_PORT (the page
// with the printed receipts and the fault buttons, default 8790),
// PRINTER_SIM_MODEL (epson | star, default epson).

function port(value: string | undefined, fallback: number): number {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new Error(`not a port: ${value}`);
  return n;
}

async function main(): Promise<void> {
  const model = process.env.PRINTER_SIM_MODEL ?? 'epson';
  if (model !== 'epson' && model !== 'star')
    throw new Error(`PRINTER_SIM_MODEL must be epson or star (got ${model})`);
  const sim = await startEscposPrinterSimulator({
    port: port(process.env.PRINTER_SIM_PORT, 9100),
    httpPort: port(process.env.PRINTER_SIM_HTTP_PORT, 8790),
    model,
  });
  process.stdout.write(
    `${JSON.stringify({ event: 'ready', service: 'printer-simulator', host: sim.host, port: sim.port, page: sim.httpUrl })}\n`,
  );
  const shutdown = async () => {
    await sim.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error('printer simulator failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

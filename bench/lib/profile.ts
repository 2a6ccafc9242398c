import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BUILD_DIR, type PageName } from './browser';

// A brief answer to "where does the time go?" for a page: V8's sampling
// profiler (through the DevTools protocol) during one measured step, its
// samples summed per package or source folder. The bundle is not minified, so
// esbuild's "// path" comment before each module tells which module a line
// belongs to. IndexedDB and network work run outside the page's main thread:
// the page sees them as "(idle)".

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function moduleStarts(page: PageName): { line: number; module: string }[] {
  const lines = readFileSync(join(BUILD_DIR, 'pages', `${page}.js`), 'utf8').split('\n');
  const starts: { line: number; module: string }[] = [];
  lines.forEach((text, index) => {
    const match = /^\/\/ ((?:node_modules|src|bench|sync-server)\/\S+)$/.exec(text);
    if (match?.[1]) starts.push({ line: index, module: match[1] });
  });
  return starts;
}

/** node_modules/rxdb/dist/esm/x.js -> rxdb; src/data/sync/x.ts -> src/data. */
function bucketOf(module: string): string {
  const packaged = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (packaged?.[1]) return packaged[1];
  return module.split('/').slice(0, 2).join('/');
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Buckets by share of the sampled time, largest first. */
  readonly buckets: { readonly name: string; readonly ms: number; readonly share: number }[];
}

export async function startProfile(page: Page, pageName: PageName): Promise<() => Promise<ProfileSummary>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1_000 });
  await session.send('Profiler.start');
  return async () => {
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await session.detach();
    // BENCH_PAGE_CPU_PROF=<dir> keeps each profiled step's V8 profile there (open it in Chrome DevTools).
    const keepIn = process.env.BENCH_PAGE_CPU_PROF;
    if (keepIn) {
      mkdirSync(keepIn, { recursive: true });
      writeFileSync(join(keepIn, `${pageName}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    }
    const starts = moduleStarts(pageName);
    const bucketOfNode = new Map<number, string>();
    for (const node of profile.nodes) {
      const { url, functionName, lineNumber } = node.callFrame;
      let bucket: string;
      if (!url)
        bucket = functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
      else if (url.endsWith(`/${pageName}.js`)) {
        let found = '(bundle)';
        for (const start of starts) {
          if (start.line > lineNumber) break;
          found = bucketOf(start.module);
        }
        bucket = found;
      } else bucket = url;
      bucketOfNode.set(node.id, bucket);
    }
    const totals = new Map<string, number>();
    let totalMs = 0;
    profile.samples.forEach((nodeId, index) => {
      const ms = (profile.timeDeltas[index] ?? 0) / 1000;
      totalMs += ms;
      const bucket = bucketOfNode.get(nodeId) ?? '(unknown)';
      totals.set(bucket, (totals.get(bucket) ?? 0) + ms);
    });
    const buckets = [...totals.entries()]
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: totalMs > 0 ? ms / totalMs : 0 }))
      .sort((a, b) => b.ms - a.ms);
    return { totalMs: Math.round(totalMs), buckets };
  };
}

export function formatProfile(summary: ProfileSummary, top = 7): string {
  const parts = summary.buckets
    .slice(0, top)
    .map((b) => `${b.name} ${(b.share * 100).toFixed(0)}%`)
    .join(', ');
  return `page main thread over ${(summary.totalMs / 1000).toFixed(1)} s: ${parts}`;
}

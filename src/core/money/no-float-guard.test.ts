import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Guard for the house rule "no floating-point arithmetic on amounts": scans
// every TypeScript source of the repo for constructs that only make sense if
// an amount is a float (euros as 12.34 instead of 1234 minor units).
// Comments and string/template text are blanked first so prose about the
// rule does not trip it; `${...}` inside templates is still scanned because
// that is where `(priceMinor / 100).toFixed(2)` tends to hide.

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCANNED_ROOTS = ['src', 'sync-server', 'hardware', 'electron'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'release', '.git']);
const TS_SOURCE = /\.[cm]?tsx?$/;
const TEST_FILE = /\.test\.tsx?$/;

const MONEY_WORD = '(?:price|amount|total|minor|money|gross)';
// An identifier or member chain whose last name mentions money (subtotal,
// line.priceMinor, getTotal(), totals[i]), or a parenthesised group that does.
const OPERAND = String.raw`(?:${MONEY_WORD}[\w$]*(?:\(\))?(?:\[[^\]]*\])?|\([^()]*${MONEY_WORD}[\w$]*[^()]*\))`;
const DECIMAL = String.raw`(?:\d*\.\d+(?:e[+-]?\d+)?|\d+e-\d+)(?![\w.])`;

interface Rule {
  readonly name: string;
  readonly pattern: RegExp;
}

const RULES: readonly Rule[] = [
  { name: 'parseFloat', pattern: /\bparseFloat\s*\(/ },
  { name: 'toFixed', pattern: /\.toFixed\s*\(/ },
  {
    name: 'money * or / decimal literal',
    pattern: new RegExp(`${OPERAND}\\s*[*/]=?\\s*\\(?\\s*${DECIMAL}`, 'i'),
  },
  {
    name: 'decimal literal * money',
    pattern: new RegExp(`${DECIMAL}\\s*\\*\\s*\\(?\\s*[\\w$.?]*${MONEY_WORD}`, 'i'),
  },
  { name: 'money / 100', pattern: new RegExp(`${OPERAND}\\s*\\/=?\\s*100(?![\\w.])`, 'i') },
];

interface FloatMoneyFinding {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly code: string;
}

// Characters after which a '/' starts a regular expression rather than a division.
const REGEX_CAN_FOLLOW = new Set([
  '',
  '(',
  ',',
  '=',
  ':',
  '[',
  '!',
  '&',
  '|',
  '?',
  '{',
  '}',
  ';',
  '+',
  '-',
  '*',
  '%',
  '<',
  '>',
  '~',
  '^',
]);

/** `source` with comments removed and string contents blanked; line breaks kept so line numbers hold. */
function codeOnly(source: string): string {
  const out: string[] = [];
  const templateResumeDepths: number[] = [];
  let braceDepth = 0;
  let lastSignificant = '';
  let i = 0;
  const blank = (c: string | undefined): string => (c === '\n' ? '\n' : ' ');
  const at = (k: number): string => source[k] ?? '';

  const templateText = (): void => {
    while (i < source.length) {
      const c = at(i);
      if (c === '\\') {
        out.push(blank(c), blank(at(i + 1)));
        i += 2;
      } else if (c === '`') {
        out.push(c);
        i++;
        return;
      } else if (c === '$' && at(i + 1) === '{') {
        out.push('${');
        i += 2;
        templateResumeDepths.push(braceDepth);
        braceDepth++;
        return;
      } else {
        out.push(blank(c));
        i++;
      }
    }
  };

  while (i < source.length) {
    const c = at(i);
    const next = at(i + 1);
    if (c === '/' && next === '/') {
      while (i < source.length && at(i) !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      for (; i < stop; i++) out.push(blank(at(i)));
    } else if (c === '"' || c === "'") {
      out.push(c);
      i++;
      while (i < source.length && at(i) !== c && at(i) !== '\n') {
        const step = at(i) === '\\' ? 2 : 1;
        for (let k = 0; k < step; k++) out.push(blank(at(i + k)));
        i += step;
      }
      out.push(at(i));
      i++;
      lastSignificant = c;
    } else if (c === '`') {
      out.push(c);
      i++;
      templateText();
      lastSignificant = '`';
    } else if (c === '/' && REGEX_CAN_FOLLOW.has(lastSignificant)) {
      let inClass = false;
      out.push(c);
      i++;
      while (i < source.length && at(i) !== '\n' && (inClass || at(i) !== '/')) {
        if (at(i) === '\\') {
          out.push(' ');
          i++;
        } else if (at(i) === '[') inClass = true;
        else if (at(i) === ']') inClass = false;
        out.push(' ');
        i++;
      }
      lastSignificant = 'regex';
    } else if (c === '}' && templateResumeDepths.at(-1) === braceDepth - 1) {
      templateResumeDepths.pop();
      braceDepth--;
      out.push(c);
      i++;
      templateText();
      lastSignificant = '`';
    } else {
      if (c === '{') braceDepth++;
      if (c === '}') braceDepth--;
      if (!/\s/.test(c)) lastSignificant = /[\w$]/.test(c) ? 'word' : c;
      out.push(c);
      i++;
    }
  }
  return out.join('');
}

/** Float-money constructs in one file's source. */
function findFloatMoney(file: string, source: string): FloatMoneyFinding[] {
  const findings: FloatMoneyFinding[] = [];
  const originalLines = source.split('\n');
  codeOnly(source)
    .split('\n')
    .forEach((codeLine, index) => {
      for (const rule of RULES) {
        if (rule.pattern.test(codeLine)) {
          const code = (originalLines[index] ?? '').trim();
          findings.push({ file, line: index + 1, rule: rule.name, code });
        }
      }
    });
  return findings;
}

function typeScriptSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : typeScriptSources(path);
    return entry.isFile() && TS_SOURCE.test(entry.name) && !TEST_FILE.test(entry.name) ? [path] : [];
  });
}

describe('no floating-point money in the repo', () => {
  it('finds no float-money construct in src/, sync-server/, hardware/, electron/', () => {
    const files = SCANNED_ROOTS.flatMap((root) => typeScriptSources(join(REPO_ROOT, root)));
    // The walk must really see the sources, or this test would pass vacuously.
    expect(files.map((f) => relative(REPO_ROOT, f))).toContain(join('src', 'core', 'money', 'ratio.ts'));
    const findings = files.flatMap((f) => findFloatMoney(relative(REPO_ROOT, f), readFileSync(f, 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line} [${f.rule}] ${f.code}`)).toEqual([]);
  });
});

describe('float-money checker', () => {
  it('catches float money in a bad snippet, naming the line', () => {
    const bad = [
      'const a = 1;',
      'const euros = parseFloat(input);',
      'const b = Number.parseFloat(text);',
      'label.textContent = (line.priceMinor / 100).toFixed(2);',
      'const ttc = product.price * 1.2;',
      'const cents = amount * 0.01;',
      'const ht = total / 1.055;',
      'const euros2 = totalMinor / 100;',
      'const x = 0.2 * grossAmount;',
      'const y = (line.priceMinor * qty) / 100;',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source text under test
      'const z = `${(priceMinor / 100)} €`;',
      'subtotal /= 100;',
      'const w = getTotal() * .5;',
    ].join('\n');
    const found = findFloatMoney('bad.ts', bad);
    expect([...new Set(found.map((f) => f.line))]).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(found.find((f) => f.line === 4)?.rule).toBe('toFixed');
    expect(found.every((f) => f.file === 'bad.ts')).toBe(true);
  });

  it('leaves integer money code, prose and unrelated floats alone', () => {
    const good = [
      '// never parseFloat( a price, never amount * 0.01',
      '/* priceMinor / 100 would be a float */',
      "const msg = 'do not call parseFloat( or .toFixed( on a total / 100';",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source text under test
      'const tpl = `total / 100 is ${formatMoney(total, locale)}`;',
      'const line = multiplyRatio(price, grams, 1000, "half-up");',
      'const vat = divideRounded(BigInt(grossMinor) * 2000n, 12000n, "half-up");',
      'const euros = totalMinor / 100n;',
      'const half = quantity * 0.5;',
      'const opacity = 0.8 * alpha;',
      'const pct = done / 100;',
      'const re = /price\\s*\\/ 100/;',
      'const ratio = a / b; const r2 = /total \\* 0.01/g;',
      'const total100 = totalMinor * 100;',
    ].join('\n');
    expect(findFloatMoney('good.ts', good)).toEqual([]);
  });

  it('keeps line numbers across multi-line comments and templates', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source text under test
    const source = ['/*', ' * amount * 0.01', ' */', 'const s = `', '${price * 1.2}`;'].join('\n');
    expect(findFloatMoney('t.ts', source).map((f) => f.line)).toEqual([5]);
  });
});

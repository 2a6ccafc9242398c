import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every word a person sees goes through i18next. This test reads every
// component of the renderer with the TypeScript parser and fails on text
// written straight into JSX: a text child with a letter in it, a string
// literal child ({'Total'}), or a literal in an attribute people read or hear
// (aria-label, title, placeholder, alt, label). Separators without letters
// (" · ", ":") are allowed. Test files are skipped.

const SRC = join(import.meta.dirname, '..');
const SPOKEN_ATTRIBUTES =
  /^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label)$/;
const HAS_LETTER = /\p{L}/u;

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'core' && dir === SRC ? [] : componentFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [path] : [];
  });
}

/** `file:line: text` for each literal a person would see. */
function literalTexts(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node, text: string) =>
    found.push(`${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim()}`);
  /** The literal parts of a string or template: `Annuler ${name}` has "Annuler ". */
  const literalParts = (node: ts.Node): string | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node))
      return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
    return undefined;
  };
  const spoken = (node: ts.Node | undefined): string | undefined => {
    const text = node === undefined ? undefined : literalParts(node);
    return text !== undefined && HAS_LETTER.test(text) ? text : undefined;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) at(node, node.text);
    else if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.test(node.name.getText())) {
      const value = node.initializer;
      const direct = spoken(value);
      if (direct !== undefined) at(node, `${node.name.getText()}="${direct}"`);
      const inner = value && ts.isJsxExpression(value) ? spoken(value.expression) : undefined;
      if (inner !== undefined) at(node, `${node.name.getText()}={'${inner}'}`);
    } else if (ts.isJsxExpression(node) && !ts.isJsxAttribute(node.parent)) {
      const text = spoken(node.expression);
      if (text !== undefined) at(node, `{'${text}'}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('words on screen', () => {
  it('finds the literals it is meant to find', () => {
    const template = ['`Annuler $', '{name}`'].join('');
    const sample = `const A = () => <p title="Aide" aria-label={${template}}>Total : {'euros'} {t('ok')} {' · '} 12 €</p>;`;
    expect(literalTexts('sample.tsx', sample)).toEqual([
      'sample.tsx:1: title="Aide"',
      "sample.tsx:1: aria-label={'Annuler  '}",
      'sample.tsx:1: Total :',
      "sample.tsx:1: {'euros'}",
    ]);
    expect(
      literalTexts('ok.tsx', `const B = () => <p data-testid="total" className="x">{t('a')}{' · '}</p>;`),
    ).toEqual([]);
  });

  it('no component writes text a person sees outside i18next', () => {
    const files = componentFiles(SRC);
    expect(files.length).toBeGreaterThan(10);
    const literals = files.flatMap((path) => literalTexts(relative(SRC, path), readFileSync(path, 'utf8')));
    expect(literals).toEqual([]);
  });
});

// Reading and driving the Monaco editor through its DOM, as a user sees it.

import type { Locator, Page } from 'playwright-core';

/** Returns the editor's visible lines, top to bottom, with Monaco's non-breaking spaces as spaces. */
export async function visibleXmlLines(page: Page): Promise<string[]> {
  return page.locator('.xml-editor .view-lines').evaluate((root) => {
    const lines = Array.from(root.querySelectorAll<HTMLElement>('.view-line'));
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '));
  });
}

/** Returns the gutter line number of the visible line that contains `text`, or null. */
export async function lineNumberOf(page: Page, text: string): Promise<number | null> {
  return page.locator('.xml-editor .monaco-editor').evaluate((editor, needle) => {
    const line = Array.from(editor.querySelectorAll<HTMLElement>('.view-line')).find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(needle));
    if (!line) return null;
    const number = Array.from(editor.querySelectorAll<HTMLElement>('.line-numbers')).find((n) => (n.parentElement?.style.top ?? n.style.top) === line.style.top);
    return number ? Number(number.textContent) : null;
  }, text);
}

/** Returns the `top` offsets of the lines that carry a squiggle of `severity`. */
export async function squiggleTops(page: Page, severity: 'error' | 'warning' | 'info'): Promise<string[]> {
  return page.locator('.xml-editor .monaco-editor').evaluate((editor, kind) => {
    return Array.from(editor.querySelectorAll<HTMLElement>(`.squiggly-${kind}`)).map((s) => s.parentElement?.style.top ?? '');
  }, severity);
}

/** Returns the `top` offset of the visible line that contains `text`. */
export async function lineTop(page: Page, text: string): Promise<string | null> {
  return page.locator('.xml-editor .view-lines').evaluate((root, needle) => {
    const line = Array.from(root.querySelectorAll<HTMLElement>('.view-line')).find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(needle));
    return line ? line.style.top : null;
  }, text);
}

/** Puts the cursor at the end of the visible line that contains `text`. */
export async function clickEndOfLine(page: Page, text: string): Promise<void> {
  const line: Locator = page.locator('.xml-editor .view-line', { hasText: text }).first();
  await line.click();
  await page.keyboard.press('End');
}

/** Returns the left edge in pixels of the squiggle of `severity` on the line at `top`, or null when that line has none. */
export async function squiggleLeft(page: Page, severity: 'error' | 'warning' | 'info', top: string): Promise<number | null> {
  return page.locator('.xml-editor .monaco-editor').evaluate(
    (editor, { kind, lineTop }) => {
      const squiggle = Array.from(editor.querySelectorAll<HTMLElement>(`.squiggly-${kind}`)).find((s) => s.parentElement?.style.top === lineTop);
      return squiggle ? squiggle.getBoundingClientRect().left : null;
    },
    { kind: severity, lineTop: top },
  );
}

/**
 * Returns the left edge in pixels of the character at `visualColumn` (0-based, with each tab
 * counted to its next tab stop, as Monaco draws it) of the visible line at `top`, or null.
 */
export async function characterLeft(page: Page, top: string, visualColumn: number): Promise<number | null> {
  return page.locator('.xml-editor .view-lines').evaluate(
    (root, { lineTop, column }) => {
      const line = Array.from(root.querySelectorAll<HTMLElement>('.view-line')).find((l) => l.style.top === lineTop);
      if (!line) return null;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let before = 0;
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (column < before + length) {
          const range = document.createRange();
          range.setStart(node, column - before);
          range.setEnd(node, column - before + 1);
          return range.getBoundingClientRect().left;
        }
        before += length;
      }
      return null;
    },
    { lineTop: top, column: visualColumn },
  );
}

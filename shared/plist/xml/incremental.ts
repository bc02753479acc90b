// Incremental reading of an edited XML plist text.
//
// The raw XML editor reads the whole document again on every key. On a profile of a megabyte
// a full read takes tens of milliseconds in a browser, yet most keys change one value and leave
// every other value as it was. When an edit lies inside one scalar element (<string>,
// <integer>, ...) or one <key>, only that element is read again; when it only adds or removes
// white space between elements, nothing is. Either way the values after the edit keep their
// content and only move, so their positions shift. Any other edit returns null, and the caller
// reads the whole text, which also gives the exact error for text that does not parse.

import { PlistError } from '../errors.ts';
import { MAX_PLIST_BYTES } from '../limits.ts';
import type { PlistArray, PlistDict, PlistDictEntry, PlistValue, SourcePosition } from '../model.ts';
import { minimalReplacement } from '../../text/text-diff.ts';
import { parseKeyElement, parseScalarElement } from './parser.ts';
import { XmlScanner } from './scanner.ts';
import { findInvalidXmlChar, isAllXmlWhitespace, isXmlWhitespace } from './xml-chars.ts';

type Container = PlistArray | PlistDict;

/** The place of an edit in the previous document, and the containers that lead to it. */
type EditSite =
  | { readonly kind: 'scalar'; readonly path: readonly PathStep[]; readonly node: PlistValue }
  | { readonly kind: 'key'; readonly path: readonly PathStep[]; readonly dict: PlistDict; readonly entry: number }
  | { readonly kind: 'between'; readonly path: readonly PathStep[]; readonly container: Container };

/** One container on the way down and the index of the child (item or entry) that leads on. */
interface PathStep {
  readonly container: Container;
  readonly index: number;
}

/** The movement of the positions after an edit. */
interface Shift {
  /** Offset in the previous text where the edit starts and ends. */
  readonly start: number;
  readonly end: number;
  /** Change in length. */
  readonly delta: number;
  /** Change in the number of lines. */
  readonly lines: number;
  /** Offset in the previous text of the first line break after the edit: positions before it share the edit's line, so their columns change. */
  readonly lineBreakAfter: number;
  readonly nextText: string;
}

/**
 * Returns the value of `nextText`, an edit of `previousText` whose value is `previousRoot`, by
 * reading only the edited element. Returns null when the edit is not inside one scalar value
 * or key and is not white space between elements, or when the edited element does not parse:
 * the caller then parses the whole text. When it returns a value, that value equals what
 * parseXmlPlistText(nextText) returns, positions included.
 *
 * Positions of the values after the edit are updated in place on `previousRoot`'s values,
 * because rebuilding every later value on every key would cost as much as reading the text.
 * The containers that lead to the edit are copied, so the returned root is a new object and a
 * change shows as a new reference along its path. `previousRoot` must not be used afterwards.
 */
export function reparseEdit(previousText: string, previousRoot: PlistValue, nextText: string, file?: string): PlistValue | null {
  if (nextText.length > MAX_PLIST_BYTES) return null;
  const edit = minimalReplacement(previousText, nextText);
  if (edit === null) return previousRoot;

  // A carriage return makes the line count depend on its neighbours (CR LF is one line break),
  // so texts with one are left to the full reader. The XML editor's text uses LF only.
  if (previousText.includes('\r') || nextText.includes('\r')) return null;

  const removed = previousText.slice(edit.start, edit.end);
  const inserted = edit.insert;
  const insertedEnd = edit.start + inserted.length;
  // The previous text was valid, so only the inserted characters can be invalid. The whole
  // character on each side is included, so that a surrogate pair the edit splits is caught.
  if (findInvalidXmlChar(nextText.slice(characterStartBefore(nextText, edit.start), characterEndAfter(nextText, insertedEnd))) >= 0) return null;

  const site = findEditSite(previousRoot, edit.start, edit.end);
  if (site === null) return null;

  const lineBreakAfter = previousText.indexOf('\n', edit.end);
  const shift: Shift = {
    start: edit.start,
    end: edit.end,
    delta: inserted.length - removed.length,
    lines: countLineBreaks(inserted) - countLineBreaks(removed),
    lineBreakAfter: lineBreakAfter < 0 ? previousText.length : lineBreakAfter,
    nextText,
  };

  try {
    switch (site.kind) {
      case 'scalar':
        return reparseScalar(site, shift, previousRoot, file);
      case 'key':
        return reparseKey(site, shift, previousRoot, file);
      case 'between':
        if (!isAllXmlWhitespace(removed) || !isAllXmlWhitespace(inserted)) return null;
        if (!isBetweenElements(site.container, previousText, edit.start, edit.end)) return null;
        shiftPositions(previousRoot, shift);
        // No value changed, but the root is still a new object, as for every other new text.
        return replaceOnPath(previousRoot, site.path, 0, (node) => ({ ...node }));
      default:
        return null;
    }
  } catch (error) {
    // The edited element does not parse on its own: the full reader reports it with its context.
    if (error instanceof PlistError) return null;
    throw error;
  }
}

function reparseScalar(site: Extract<EditSite, { kind: 'scalar' }>, shift: Shift, root: PlistValue, file: string | undefined): PlistValue | null {
  const pos = site.node.pos as SourcePosition;
  const scanner = new XmlScanner(shift.nextText, pos.offset, file);
  const value = parseScalarElement(scanner);
  if (value === null || scanner.pos !== pos.endOffset + shift.delta) return null;

  shiftPositions(root, shift);
  return replaceOnPath(root, site.path, 0, () => value);
}

function reparseKey(site: Extract<EditSite, { kind: 'key' }>, shift: Shift, root: PlistValue, file: string | undefined): PlistValue | null {
  const old = site.dict.entries[site.entry];
  const keyPos = old.keyPos as SourcePosition;
  const scanner = new XmlScanner(shift.nextText, keyPos.offset, file);
  const key = parseKeyElement(scanner);
  if (key === null || scanner.pos !== keyPos.endOffset + shift.delta) return null;
  // A key equal to another in the same dict is an error the full reader reports with both lines.
  if (site.dict.entries.some((entry, index) => index !== site.entry && entry.key === key)) return null;
  const newKeyPos = scanner.position(keyPos.offset, scanner.pos);

  shiftPositions(root, shift);
  return replaceOnPath(root, site.path, 0, (dict) => {
    const entries = [...(dict as PlistDict).entries];
    entries[site.entry] = { key, keyPos: newKeyPos, value: entries[site.entry].value };
    return { ...(dict as PlistDict), entries };
  });
}

// Finding the edited element

/** Returns the place of [start, end) in the tree, or null when it is not strictly inside the root value. */
function findEditSite(root: PlistValue, start: number, end: number): EditSite | null {
  if (!strictlyInside(root.pos, start, end)) return null;

  const path: PathStep[] = [];
  let node = root;
  for (;;) {
    if (node.kind === 'array') {
      const array = node;
      const index = lastStartingBefore(array.items.length, (i) => array.items[i].pos, start);
      const item = index >= 0 ? array.items[index] : undefined;
      if (item === undefined || !strictlyInside(item.pos, start, end)) return { kind: 'between', path, container: array };
      path.push({ container: array, index });
      node = item;
      continue;
    }

    if (node.kind === 'dict') {
      const dict = node;
      const index = lastStartingBefore(dict.entries.length, (i) => dict.entries[i].keyPos, start);
      const entry = index >= 0 ? dict.entries[index] : undefined;
      if (entry !== undefined && strictlyInside(entry.keyPos, start, end)) return { kind: 'key', path, dict, entry: index };
      if (entry === undefined || !strictlyInside(entry.value.pos, start, end)) return { kind: 'between', path, container: dict };
      path.push({ container: dict, index });
      node = entry.value;
      continue;
    }

    return { kind: 'scalar', path, node };
  }
}

/** Returns true when [start, end) lies inside the element at `pos` without touching its first or last character. */
function strictlyInside(pos: SourcePosition | undefined, start: number, end: number): boolean {
  return pos !== undefined && pos.offset < start && end < pos.endOffset;
}

/** Returns the index of the last child whose position starts before `offset`, or -1. Children are in document order. */
function lastStartingBefore(count: number, positionOf: (index: number) => SourcePosition | undefined, offset: number): number {
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const pos = positionOf(middle);
    if (pos === undefined) return -1;
    if (pos.offset < offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Returns true when [start, end) lies in the white space between two children of `container`,
 * or between its last child and its end tag, where the reader ignores text. White space
 * anywhere else (inside a tag, before the first child) is left to the full reader.
 */
function isBetweenElements(container: Container, text: string, start: number, end: number): boolean {
  const spans = childSpans(container);
  let before: SourcePosition | undefined;
  let after: SourcePosition | undefined;
  for (const span of spans) {
    if (span.endOffset <= start) before = span;
    else if (span.offset >= end) {
      after = span;
      break;
    } else {
      return false;
    }
  }
  if (before === undefined) return false;
  if (!isAllXmlWhitespace(text.slice(before.endOffset, start))) return false;

  if (after !== undefined) return isAllXmlWhitespace(text.slice(end, after.offset));
  let next = end;
  while (next < text.length && isXmlWhitespace(text.charCodeAt(next))) next++;
  return text.startsWith('</', next);
}

/** Positions of a container's keys and values, in document order. */
function childSpans(container: Container): SourcePosition[] {
  const spans: SourcePosition[] = [];
  if (container.kind === 'array') {
    for (const item of container.items) if (item.pos) spans.push(item.pos);
  } else {
    for (const entry of container.entries) {
      if (entry.keyPos) spans.push(entry.keyPos);
      if (entry.value.pos) spans.push(entry.value.pos);
    }
  }
  return spans;
}

// Moving positions

/** Writable views of positions: they are read-only to every other module, and only this one moves them in place. */
type Movable = { pos?: SourcePosition };
type MovableEntry = { keyPos?: SourcePosition };

/** Moves the positions of every value and key at or after the edit. Values that end before it keep theirs. */
function shiftPositions(node: PlistValue, shift: Shift): void {
  const pos = node.pos;
  if (pos === undefined || pos.endOffset <= shift.start) return;
  (node as Movable).pos = shifted(pos, shift);

  if (node.kind === 'array') {
    for (const item of node.items) shiftPositions(item, shift);
  } else if (node.kind === 'dict') {
    for (const entry of node.entries) {
      if (entry.keyPos !== undefined && entry.keyPos.endOffset > shift.start) (entry as MovableEntry).keyPos = shifted(entry.keyPos, shift);
      shiftPositions(entry.value, shift);
    }
  }
}

function shifted(pos: SourcePosition, shift: Shift): SourcePosition {
  const endOffset = pos.endOffset + shift.delta;
  // A position that starts before the edit encloses it: only its end moves.
  if (pos.offset < shift.end) return { line: pos.line, column: pos.column, offset: pos.offset, endOffset };

  const offset = pos.offset + shift.delta;
  const column = pos.offset < shift.lineBreakAfter ? offset - (shift.nextText.lastIndexOf('\n', offset - 1) + 1) + 1 : pos.column;
  return { line: pos.line + shift.lines, column, offset, endOffset };
}

/** Copies the containers along `path`, with `replace` applied to the node at its end. */
function replaceOnPath(node: PlistValue, path: readonly PathStep[], depth: number, replace: (node: PlistValue) => PlistValue): PlistValue {
  if (depth === path.length) return replace(node);
  const { index } = path[depth];

  if (node.kind === 'array') {
    const items = [...node.items];
    items[index] = replaceOnPath(items[index], path, depth + 1, replace);
    return { ...node, items };
  }
  if (node.kind === 'dict') {
    const entries: PlistDictEntry[] = [...node.entries];
    entries[index] = { ...entries[index], value: replaceOnPath(entries[index].value, path, depth + 1, replace) };
    return { ...node, entries };
  }
  throw new Error(`invalid edit path: it leads through a ${node.kind}, which contains no values`);
}

/** Start of the character just before `offset` (two code units for a surrogate pair). */
function characterStartBefore(text: string, offset: number): number {
  if (offset === 0) return 0;
  const low = text.charCodeAt(offset - 1);
  const high = text.charCodeAt(offset - 2);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? offset - 2 : offset - 1;
}

/** End of the character at `offset` (two code units for a surrogate pair). */
function characterEndAfter(text: string, offset: number): number {
  const high = text.charCodeAt(offset);
  const low = text.charCodeAt(offset + 1);
  return Math.min(text.length, high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? offset + 2 : offset + 1);
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

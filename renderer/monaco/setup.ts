// Monaco from the local bundle: the core editor, its standard features and XML highlighting.
//
// `loader.config({ monaco })` hands the bundled module to @monaco-editor/react, which would
// otherwise fetch Monaco from a CDN. Only the plain editor worker is bundled; XML needs no
// language worker, so every language gets the same one.

import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/xml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

loader.config({ monaco });

export { monaco };

import hljs from 'highlight.js/lib/core';
import typescript from 'highlight.js/lib/languages/typescript';
import { useMemo } from 'react';
import type { ChapterSource } from './chapter';
import './code-theme.css';
import { highlightedLines } from './highlighted-lines';
import { shownLines } from './source-range';

// Only the one language the app is written in: the core and TypeScript add ~25 kB, not 1 MB.
hljs.registerLanguage('typescript', typescript);

const CAPTION =
  'flex flex-wrap justify-between gap-x-4 border-b border-slate-200 bg-slate-100 px-4 py-2 font-mono ' +
  'text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200';
/** Line numbers: slate-500/400 keep 4.5:1 on the code's background in both themes. */
const NUMBER =
  'select-none border-r border-slate-200 pr-3 text-right text-slate-500 dark:border-slate-800 dark:text-slate-400';

/**
 * The real source of a chapter, highlighted, with its repository path and line numbers. Each
 * source line is a row of its own, so a long line wraps (with a hanging indent) instead of being
 * cut off at the right of a projector; its number stays beside its first row.
 */
export function CodeView({ source, presenter }: { readonly source: ChapterSource; readonly presenter: boolean }) {
  const { first, text } = shownLines(source);
  // highlight.js escapes the text it is given, so its HTML holds only its own <span>s.
  const lines = useMemo(
    () => highlightedLines(hljs.highlight(text, { language: 'typescript', ignoreIllegals: true }).value),
    [text],
  );
  const last = first + lines.length - 1;
  const digits = String(last).length;
  return (
    <figure
      className="code-view min-w-0 overflow-hidden rounded-xl border border-slate-200 dark:border-slate-700"
      data-testid="chapter-source"
    >
      <figcaption className={`${CAPTION} ${presenter ? 'text-xl' : 'text-sm'}`}>
        <span className="min-w-0 break-all">{source.path}</span>
        <span className="shrink-0">{source.lines ? `lines ${first}–${last}` : `${lines.length} lines`}</span>
      </figcaption>
      <pre
        className={`bg-white py-3 font-mono dark:bg-slate-950 ${presenter ? 'text-xl leading-normal' : 'text-sm leading-6'}`}
      >
        <code className="hljs language-typescript grid grid-cols-[auto_minmax(0,1fr)]">
          {lines.map((html, i) => (
            <span key={i} className="contents">
              <span aria-hidden className={NUMBER} style={{ minWidth: `${digits + 2}ch` }}>
                {first + i}
              </span>
              <span
                className="pr-4 pl-[calc(1rem+2ch)] -indent-[2ch] break-words whitespace-pre-wrap"
                dangerouslySetInnerHTML={{ __html: html || ' ' }}
              />
            </span>
          ))}
        </code>
      </pre>
    </figure>
  );
}

import { messageOf } from '../../../shared/errors/message-of';
/** Offers text as a file download (a Blob URL and a temporary link); the URL is freed afterwards. */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; a minute is ample for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Copies text; resolves with a sentence for the status line either way. */
export async function copyText(text: string): Promise<{ ok: boolean; message: string }> {
  try {
    if (!navigator.clipboard) throw new Error('this page has no clipboard access (it needs a secure context)');
    await navigator.clipboard.writeText(text);
    return { ok: true, message: 'Summary copied to the clipboard.' };
  } catch (error) {
    const why = messageOf(error);
    return {
      ok: false,
      message: `The clipboard refused the summary (${why}). Use “Export” instead, or allow clipboard access for this page.`,
    };
  }
}

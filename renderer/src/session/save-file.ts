import { messageOf } from '../../../shared/errors/message-of';

/** Offers a Blob as a file download (a Blob URL and a temporary link); the URL is freed afterwards. */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
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

/** Offers text as a file download. */
export function saveFile(name: string, text: string, type: string): void {
  saveBlob(name, new Blob([text], { type }));
}

/** Copies text; resolves with a sentence for the status line either way (`what`: "summary"). */
export async function copyText(text: string, what: string): Promise<{ ok: boolean; message: string }> {
  try {
    if (!navigator.clipboard) throw new Error('this page has no clipboard access (it needs a secure context)');
    await navigator.clipboard.writeText(text);
    return { ok: true, message: `The ${what} is copied to the clipboard.` };
  } catch (error) {
    const why = messageOf(error);
    return {
      ok: false,
      message: `The clipboard refused the ${what} (${why}). Download the CSV instead, or allow clipboard access.`,
    };
  }
}

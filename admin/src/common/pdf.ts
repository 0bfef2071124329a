import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { downloadBlob } from './download';

/**
 * PDFs made in the browser with pdfmake 0.3 and its bundled Roboto (the vfs_fonts file holds the
 * Vietnamese glyphs, ă â đ ê ô ơ ư and every tone mark). Loaded on first use (a lazy chunk of
 * admin/dist/assets), never from the network at run time: the fonts live in the bundle, no
 * document may fetch a URL, and nothing evaluates code (the panel's CSP has no 'unsafe-eval').
 */

type PdfMake = typeof import('pdfmake/build/pdfmake');

let loading: Promise<PdfMake> | null = null;

function pdfMake(): Promise<PdfMake> {
  loading ??= (async () => {
    const [mod, fonts] = await Promise.all([import('pdfmake/build/pdfmake'), import('pdfmake/build/vfs_fonts')]);
    const pm = ((mod as unknown as { default?: PdfMake }).default ?? mod) as PdfMake;
    const vfs = (fonts as unknown as { default?: Record<string, string> }).default ?? (fonts as unknown as Record<string, string>);
    pm.addVirtualFileSystem(vfs);
    // No image or font of a document is ever fetched by URL (the browser build asks for them with fetch).
    const policy = (pm as unknown as { setUrlAccessPolicy?: (cb: (url: string) => boolean) => void }).setUrlAccessPolicy;
    policy?.call(pm, () => false);
    return pm;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The PDF of a pdfmake document definition (default font: the bundled Roboto). */
export async function pdfBlob(docDefinition: TDocumentDefinitions): Promise<Blob> {
  const pm = await pdfMake();
  return pm.createPdf({ ...docDefinition, defaultStyle: { font: 'Roboto', ...(docDefinition.defaultStyle ?? {}) } }).getBlob();
}

/** Makes the PDF and saves it as `filename`. */
export async function downloadPdf(docDefinition: TDocumentDefinitions, filename: string): Promise<void> {
  downloadBlob(await pdfBlob(docDefinition), filename.endsWith('.pdf') ? filename : `${filename}.pdf`);
}

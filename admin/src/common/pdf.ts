import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { downloadBlob } from './download';

type PdfMake = typeof import('pdfmake/build/pdfmake');

let loading: Promise<PdfMake> | null = null;

/**
 * pdfmake's browser build and its Roboto fonts (which cover Vietnamese), loaded on first use: a
 * chunk of the bundle, never fetched from elsewhere at run time, and no eval (the panel's CSP).
 */
function pdfMake(): Promise<PdfMake> {
  loading ??= Promise.all([import('pdfmake/build/pdfmake'), import('pdfmake/build/vfs_fonts')]).then(([m, f]) => {
    const pm = ((m as { default?: PdfMake }).default ?? m) as PdfMake;
    const vfs = (f as { default?: unknown }).default ?? f;
    pm.addVirtualFileSystem(vfs as Parameters<PdfMake['addVirtualFileSystem']>[0]);
    return pm;
  });
  return loading;
}

/** The PDF of a pdfmake document definition (Roboto by default). */
export async function pdfBlob(docDefinition: TDocumentDefinitions): Promise<Blob> {
  const pm = await pdfMake();
  return pm.createPdf({ ...docDefinition, defaultStyle: { font: 'Roboto', ...docDefinition.defaultStyle } }).getBlob();
}

/** Builds the PDF and saves it as `filename`. */
export async function downloadPdf(docDefinition: TDocumentDefinitions, filename: string): Promise<void> {
  downloadBlob(await pdfBlob(docDefinition), filename.endsWith('.pdf') ? filename : `${filename}.pdf`);
}

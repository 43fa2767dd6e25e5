export { EXPORT_LIMITS, ExportError, parseExportArgs, fromSearchParams, canonicalQuery, cliCommand, type ExportArgs } from './args';
export { createExportReader, GraphNotLoadedError, type ExportReader, type ExportReaderOptions } from '@steppe/graph-store';
export {
  prepareExport,
  exportText,
  defaultPermalink,
  exportFilename,
  EXPORT_PATH,
  type PreparedExport,
  type ExportContext,
} from './service';
export { useExportRoute, type ExportRouteOptions } from './route';
export { printPdf } from './pdf';
export { chromiumPath, ChromiumUnavailableError, CHROMIUM_FLAGS, MAX_CONCURRENT_CHROMIUMS } from './chromium';
export { rasteriseSvg, checkPngSize, PngTooLargeError, PNG_LIMITS } from './png';

'use client';

import { useCallback, useState } from 'react';
import { MAX_IMPORT_BYTES } from '../workspace/import';

export interface ImportNotice {
  message: string;
  error: boolean;
}

/**
 * Importing a Steppe export from a picked or dropped file: the size is checked before reading, a bad file changes
 * nothing and says why, a good one says what it put on the canvas.
 */
export function useFileImport(importFile: (fileName: string, text: string) => Promise<string>) {
  const [notice, setNotice] = useState<ImportNotice | null>(null);
  const importFromFile = useCallback(
    async (file: File) => {
      if (file.size > MAX_IMPORT_BYTES) {
        setNotice({
          message: `“${file.name}” could not be imported. It is ${Math.round(file.size / 1e6)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
          error: true,
        });
        return;
      }
      setNotice(null);
      try {
        const text = await file.text();
        const message = await importFile(file.name, text);
        setNotice({ message, error: false });
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') return;
        setNotice({ message: error instanceof Error ? error.message : String(error), error: true });
      }
    },
    [importFile],
  );
  /** Several files dropped at once: say so rather than pick one. */
  const importFiles = useCallback(
    (files: readonly File[]) => {
      if (files.length !== 1) {
        setNotice({ message: `Drop one file to import (${files.length} were dropped).`, error: true });
        return;
      }
      void importFromFile(files[0]!);
    },
    [importFromFile],
  );
  return { notice, dismiss: () => setNotice(null), importFromFile, importFiles };
}

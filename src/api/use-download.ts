// Downloads a file the gateway makes (CSV, PDF) with the session's token: fetched, then handed to
// the browser as a link click on an object URL, so the token never goes into a URL.
import { useCallback, useState } from 'react';
import type { Query } from './api-client.ts';
import { useApiClient } from './use-api-client.ts';

export type DownloadState = { phase: 'idle' } | { phase: 'busy' } | { phase: 'done'; filename: string } | { phase: 'failed' };

export function useDownload() {
  const client = useApiClient();
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });
  const download = useCallback(
    async (path: string, query: Query) => {
      setState({ phase: 'busy' });
      try {
        const { blob, filename } = await client.download(path, query);
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = filename;
        document.body.append(link);
        link.click();
        link.remove();
        globalThis.setTimeout(() => URL.revokeObjectURL(url), 10_000);
        setState({ phase: 'done', filename });
      } catch {
        setState({ phase: 'failed' });
      }
    },
    [client],
  );
  return { state, download };
}

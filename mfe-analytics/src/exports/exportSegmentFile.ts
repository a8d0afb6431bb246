import { downloadBlob } from '@c360/mfe-kit';
import type { ApiClient } from '@c360/mfe-kit';

type Started = { id: string; status: 'running' | 'done' | 'failed'; downloadUrl: string | null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Exports a segment's members and hands the file to the browser. Small segments stream at once
 * (200); big ones run in the background (202): poll the export until it is done, then download it.
 */
export const exportSegmentFile = async (
  client: ApiClient,
  segmentId: string,
  format: 'csv' | 'json',
  pollMs = 1000,
): Promise<string> => {
  const first = await client.download(`/segments/${encodeURIComponent(segmentId)}/export`, { format });
  if (first.status !== 202) {
    const name = first.fileName ?? `segment-${segmentId}.${format}`;
    downloadBlob(first.blob, name);
    return name;
  }
  const started = JSON.parse(await first.blob.text()) as Started;
  for (
    let state = started;
    ;
    state = await client.get<Started>(`/exports/${encodeURIComponent(started.id)}`)
  ) {
    if (state.status === 'failed') throw new Error('the export failed on the server');
    if (state.status === 'done') {
      const file = await client.download(`/exports/${encodeURIComponent(started.id)}/download`);
      const name = file.fileName ?? `segment-${segmentId}.${format}`;
      downloadBlob(file.blob, name);
      return name;
    }
    await sleep(pollMs);
  }
};

/** One parsed server-sent event. */
export type SseEvent = { id: string | undefined; event: string; data: string };

export type SseConnection = {
  status: number;
  events: SseEvent[];
  /** Comment lines (heartbeats) received so far. */
  comments: string[];
  /** Resolves with the first event (from the start of the stream) matching `match`. */
  waitFor(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
};

/**
 * A real HTTP client for a text/event-stream answer (Node's fetch), parsing events as the
 * EventSource spec does: `id`, `event`, `data` lines, a blank line ends an event, `:` a comment.
 */
export const openSse = async (url: string, headers: Record<string, string> = {}): Promise<SseConnection> => {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { Accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters: { match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  if (res.body && res.status === 200) {
    const decoder = new TextDecoder();
    let buffer = '';
    let current: Partial<SseEvent> & { data?: string } = {};
    const reader = res.body.getReader();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let newline;
          while ((newline = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, newline);
            buffer = buffer.slice(newline + 1);
            if (line === '') {
              if (current.data !== undefined) {
                const event = { id: current.id, event: current.event ?? 'message', data: current.data };
                events.push(event);
                for (const w of [...waiters])
                  if (w.match(event)) {
                    waiters.splice(waiters.indexOf(w), 1);
                    w.resolve(event);
                  }
              }
              current = {};
            } else if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else {
              const colon = line.indexOf(':');
              const field = colon < 0 ? line : line.slice(0, colon);
              const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'data')
                current.data = current.data === undefined ? value : `${current.data}\n${value}`;
              else if (field === 'id') current.id = value;
              else if (field === 'event') current.event = value;
            }
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    status: res.status,
    events,
    comments,
    waitFor: (match, timeoutMs = 10_000) => {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching event within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          match,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
    close: () => abort.abort(),
  };
};

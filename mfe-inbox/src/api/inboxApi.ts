import { ApiError, createApiClient, type ApiAccess } from '@c360/mfe-kit';
import type {
  ComposeCheck,
  ConversationFilters,
  ConversationState,
  ConversationSummary,
  Macro,
  MacroRun,
  RenderedReply,
  ReplyAsset,
  ReplyBody,
  ReplyPart,
  ReplyResult,
  HeldReply,
  ReplyTemplate,
  ScheduledReply,
  ScheduleReplyBody,
  Snippet,
  SurveyRequested,
  Thread,
} from './types';

type ErrorBody = {
  error?: { code?: string; message?: string; fields?: { path: string; message: string }[] };
};

/** Every call the inbox area makes to the API, in one place. */
export const createInboxApi = (access: ApiAccess, fetchImpl?: typeof fetch) => {
  const http = createApiClient(access, fetchImpl);
  /** A multipart upload (the kit's client speaks JSON): one part named `file`, the same bearer token. */
  const upload = async <T>(path: string, file: File): Promise<T> => {
    const form = new FormData();
    form.append('file', file, file.name);
    const token = access.getToken();
    const response = await (fetchImpl ?? fetch)(http.url(path), {
      method: 'POST',
      headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: form,
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as ErrorBody;
      throw new ApiError(
        response.status,
        body.error?.code ?? `http_${response.status}`,
        body.error?.message ?? response.statusText,
        body.error?.fields ?? [],
      );
    }
    return (await response.json()) as T;
  };
  const conversation = (id: string) => `/inbox/conversations/${encodeURIComponent(id)}`;
  return {
    listConversations: (filters: ConversationFilters, cursor?: string) =>
      http.get<{ items: ConversationSummary[]; nextCursor: string | null }>('/inbox/conversations', {
        channel: filters.channel?.join(','),
        status: filters.status?.join(','),
        slaRisk: filters.slaRisk?.join(','),
        assignee: filters.assignee,
        unread: filters.unread === undefined ? undefined : String(filters.unread),
        sort: filters.sort,
        pageSize: 25,
        cursor,
      }),
    getThread: (id: string, cursor?: string) => http.get<Thread>(conversation(id), { pageSize: 50, cursor }),
    markRead: (id: string) => http.post<{ id: string; unread: boolean }>(`${conversation(id)}/read`),
    markUnread: (id: string) => http.delete<{ id: string; unread: boolean }>(`${conversation(id)}/read`),
    assign: (id: string, assigneeId: 'me' | string | null) =>
      http.post<ConversationState>(`${conversation(id)}/assign`, { assigneeId }),
    changeTags: (id: string, add: string[], remove: string[]) =>
      http.post<ConversationState>(`${conversation(id)}/tags`, { add, remove }),
    resolve: (id: string) => http.post<ConversationState>(`${conversation(id)}/resolve`),
    reopen: (id: string) => http.post<ConversationState>(`${conversation(id)}/reopen`),
    reply: (id: string, body: ReplyBody, idempotencyKey: string) =>
      http.post<ReplyResult | HeldReply>(`${conversation(id)}/reply`, body, {
        'Idempotency-Key': idempotencyKey,
      }),

    listTemplates: (channel: string, favorites?: boolean) =>
      http.get<{ items: ReplyTemplate[] }>('/replies/templates', {
        channel,
        favorites: favorites === undefined ? undefined : String(favorites),
      }),
    setFavorite: (templateId: string, favorite: boolean) =>
      favorite
        ? http.put<ReplyTemplate>(`/replies/templates/${encodeURIComponent(templateId)}/favorite`)
        : http.delete<ReplyTemplate>(`/replies/templates/${encodeURIComponent(templateId)}/favorite`),
    listSnippets: () => http.get<{ items: Snippet[] }>('/replies/snippets'),
    listAssets: () => http.get<{ items: ReplyAsset[] }>('/replies/assets'),
    uploadAsset: (file: File) => upload<ReplyAsset>('/replies/assets', file),
    listMacros: () => http.get<{ items: Macro[] }>('/replies/macros'),
    runMacro: (conversationId: string, macroId: string) =>
      http.post<MacroRun>(
        `/conversations/${encodeURIComponent(conversationId)}/macros/${encodeURIComponent(macroId)}/run`,
      ),
    /** Renders the parts with the customer's, agent's and ticket's variables filled in; sends nothing. */
    compose: (input: { channel: string; customerId: string; ticketId?: string; parts: ReplyPart[] }) =>
      http.post<RenderedReply>('/replies/compose', input),
    /** Quiet hours now and when they end, in the customer's zone (the API computes it). */
    composeCheck: (id: string) => http.get<ComposeCheck>(`${conversation(id)}/compose-check`),
    listScheduledReplies: (id: string) =>
      http.get<{ items: ScheduledReply[] }>(`${conversation(id)}/scheduled-replies`),
    scheduleReply: (id: string, body: ScheduleReplyBody) =>
      http.post<ScheduledReply>(`${conversation(id)}/scheduled-replies`, body),
    cancelScheduledReply: (replyId: string) =>
      http.delete<ScheduledReply>(`/inbox/scheduled-replies/${encodeURIComponent(replyId)}`),
    sendSurvey: (ticketId: string) =>
      http.post<SurveyRequested>(`/tickets/${encodeURIComponent(ticketId)}/survey`, {}),
  };
};

export type InboxApi = ReturnType<typeof createInboxApi>;

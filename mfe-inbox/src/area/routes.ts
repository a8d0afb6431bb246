/** `/inbox` (the list) and `/inbox/<conversation id>` (the list with that thread open). */
export const conversationIdOf = (pathname: string): string | null => {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  return parts[0] === 'inbox' && parts[1] ? parts[1] : null;
};

export const conversationPath = (id: string): string => `/inbox/${id}`;

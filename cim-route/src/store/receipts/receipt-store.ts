export interface ConversationState {
  conversationId: string;
  lastSeq: string;
  /** "0" when never marked read. */
  readSeq: string;
}

/** Read seqs and delivery marks, which only ever move up. */
export interface ReceiptStore {
  /** Records that `userId` read the conversation up to `seq` (never moves back); returns the read seq now. */
  markRead(userId: string, conversationId: string, seq: string): Promise<string>;
  /**
   * Conversations the user has received messages in (the recipients of `MessageStore.save`), most recently
   * active first, with the last seq and the user's read seq — enough for unread counts.
   */
  conversationsOf(userId: string, limit: number): Promise<ConversationState[]>;
  /** The user's read seq of each conversation ("0" when never marked read), in the order asked. */
  readSeqsOf(userId: string, conversationIds: string[]): Promise<string[]>;
  /** Records the highest cursor a device acknowledged (never moves back); returns the previous one ("0"). */
  recordAck(userId: string, deviceId: string, cursor: string): Promise<string>;
}

import type { webApi } from '@slack/bolt';

export interface FileToSend {
  filename: string;
  title: string;
  content: Buffer;
  /** For an image: what a screen reader says instead. */
  altText?: string;
}

/**
 * Sends files to one person in their direct message with the bot: `conversations.open` (scope
 * `im:write`) finds or opens the DM, `files.uploadV2` (scope `files:write`) uploads and shares them
 * in one message.
 */
export async function sendFilesByDirectMessage(client: webApi.WebClient, userId: string, files: readonly FileToSend[], comment: string): Promise<void> {
  const opened = await client.conversations.open({ users: userId });
  const channelId = opened.channel?.id;
  if (!channelId) throw new Error('conversations.open returned no channel');
  await client.files.uploadV2({
    channel_id: channelId,
    initial_comment: comment,
    file_uploads: files.map((file) => ({
      file: file.content,
      filename: file.filename,
      title: file.title,
      ...(file.altText ? { alt_text: file.altText } : {}),
    })),
  });
}

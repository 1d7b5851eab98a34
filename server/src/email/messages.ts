/** The text of every account email: who it is for, what the link does, and when it stops working. */
import type { EmailMessage } from '../ports.ts';

export function linkTo(publicUrl: string, page: string, token: string): string {
  return `${publicUrl}/${page}?token=${encodeURIComponent(token)}`;
}

export function invitationEmail(input: {
  to: string;
  inviteeName: string;
  inviterName: string | null;
  agencyName: string;
  link: string;
}): EmailMessage {
  const inviter = input.inviterName ? `${input.inviterName} has` : 'You have been';
  const invited = input.inviterName ? 'invited you' : 'invited';
  return {
    to: input.to,
    subject: `You are invited to ${input.agencyName} on Justice Counts Publisher`,
    text: [
      `Hello ${input.inviteeName},`,
      '',
      `${inviter} ${invited} to join ${input.agencyName} on Justice Counts Publisher.`,
      '',
      'Open this link to accept and set your password (it works once, for 7 days):',
      input.link,
      '',
      'If you did not expect this invitation, you can ignore this email.',
    ].join('\n'),
  };
}

export function passwordResetEmail(input: { to: string; link: string }): EmailMessage {
  return {
    to: input.to,
    subject: 'Reset your Justice Counts Publisher password',
    text: [
      'Someone asked to reset the password of the Justice Counts Publisher account for this email.',
      '',
      'Open this link to choose a new password (it works once, for 1 hour):',
      input.link,
      '',
      'If it was not you, ignore this email; your password stays as it is.',
    ].join('\n'),
  };
}

export function emailChangeEmail(input: { to: string; link: string }): EmailMessage {
  return {
    to: input.to,
    subject: 'Confirm your new email for Justice Counts Publisher',
    text: [
      'You asked to use this address for your Justice Counts Publisher account.',
      '',
      'Open this link to confirm it (it works once, for 24 hours); until then your old email stays in use:',
      input.link,
      '',
      'If it was not you, ignore this email.',
    ].join('\n'),
  };
}

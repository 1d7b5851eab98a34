/** An edit dialog's save of the agency's settings: once saved, it says what was saved and closes the dialog. */
import type { UpdateAgencyBody } from '@jc/server/contract';
import { useUpdateAgency } from '../../api/agency-settings.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { useToast } from '../../components/index.ts';

export function useDialogSave(onClose: () => void) {
  const agency = useCurrentAgency();
  const update = useUpdateAgency(agency.id);
  const toast = useToast();
  const save = (body: UpdateAgencyBody, saved: string) =>
    update.mutate(body, {
      onSuccess: () => {
        toast.show(saved, { tone: 'success' });
        onClose();
      },
    });
  return { update, save };
}

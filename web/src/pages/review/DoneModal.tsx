/** Shown after publishing or unpublishing: where to go next. */
import { useNavigate } from 'react-router';
import { agencyPath } from '../../app/paths.ts';
import { Button, Modal } from '../../components/index.ts';

export function DoneModal({ agencyId, title, text }: { agencyId: number; title: string; text: string }) {
  const navigate = useNavigate();
  const go = (section: string) => navigate(agencyPath(agencyId, section));
  return (
    <Modal
      open
      title={title}
      onClose={() => go('records')}
      size="sm"
      footer={
        <>
          <Button onClick={() => go('')}>Home</Button>
          <Button onClick={() => go('data')}>View Data</Button>
          <Button variant="primary" onClick={() => go('records')}>
            Records
          </Button>
        </>
      }
    >
      <p>{text}</p>
    </Modal>
  );
}

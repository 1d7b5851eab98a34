/** Copies a link to what is on screen, so someone else opens the same view. */
import { useState } from 'react';
import { Button, type ButtonProps } from './Button.tsx';
import { useToast } from './Toast.tsx';

interface ShareButtonProps extends Pick<ButtonProps, 'size' | 'variant'> {
  /** The link to copy; the page's own address by default. */
  url?: () => string;
  label?: string;
}

export function ShareButton({ url = () => window.location.href, label = 'Share', ...look }: ShareButtonProps) {
  const toast = useToast();
  const [shown, setShown] = useState<string | null>(null);
  const share = async () => {
    const link = url();
    try {
      await navigator.clipboard.writeText(link);
      toast.show('Link copied', { tone: 'success' });
      setShown(null);
    } catch {
      // Clipboard refused (an old browser, or no permission): show the link to copy by hand.
      setShown(link);
    }
  };
  return (
    <>
      <Button {...look} onClick={() => void share()}>
        {label}
      </Button>
      {shown && (
        <input
          className="share-link"
          aria-label="Link to this view"
          readOnly
          value={shown}
          onFocus={(e) => e.currentTarget.select()}
          autoFocus
        />
      )}
    </>
  );
}

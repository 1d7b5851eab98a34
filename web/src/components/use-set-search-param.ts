/**
 * Sets or removes one parameter of the page's address, keeping the others, without a new history
 * entry or a jump to the top: how a screen keeps its view (a choice of chart, sector, period) in
 * the address so that a shared link opens the same view.
 */
import { useSearchParams } from 'react-router';

export function useSetSearchParam(): (name: string, value: string | null) => void {
  const [, setParams] = useSearchParams();
  return (name, value) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
}

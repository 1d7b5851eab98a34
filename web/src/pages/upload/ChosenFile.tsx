/** The file being uploaded, as a page's description: its name and, when known, how long it should take to save. */
export function ChosenFile({ name, estimate }: { name: string; estimate: string | undefined }) {
  return (
    <>
      {name}
      {estimate && <span className="up-estimate">{estimate}</span>}
    </>
  );
}

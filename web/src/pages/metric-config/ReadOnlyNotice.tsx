/** Said once at the top of each Set Up Metrics screen for people who may look but not change. */
export function ReadOnlyNotice() {
  return (
    <p className="mc-notice" role="note">
      You can view these settings. Only agency admins can change them.
    </p>
  );
}

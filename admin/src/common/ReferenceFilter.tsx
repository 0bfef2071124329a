import { useCallback, useState } from 'react';
import { ReferenceInput, type ReferenceInputProps } from 'react-admin';

/**
 * A list filter that picks a record of another resource, whose choices are fetched when the user
 * first reaches the input (focus, click or touch), not with the page: a list page then asks the
 * server for its rows alone (issue 12, item 10: the member list's two unit filters doubled its
 * calls). A value already in the filter (from the URL or a saved query) is still shown by name:
 * react-admin fetches the selected record with getMany whatever `enableGetChoices` says.
 */
export function ReferenceFilter(props: ReferenceInputProps) {
  const [reached, setReached] = useState(false);
  const reach = useCallback(() => setReached(true), []);
  const enableGetChoices = useCallback(() => reached, [reached]);
  return (
    <span style={{ display: 'contents' }} onFocusCapture={reach} onPointerDownCapture={reach} onTouchStartCapture={reach}>
      <ReferenceInput {...props} enableGetChoices={enableGetChoices} />
    </span>
  );
}

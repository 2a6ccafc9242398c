import { useRef } from 'react';
import { staffTapCounter } from './staff-gesture';

// An invisible touch area in the kiosk's top-right corner: five taps within
// 3 s open the manager's exit dialog. Nothing shows it is there.

export function StaffCorner({ onGesture }: { readonly onGesture: () => void }) {
  const counter = useRef(staffTapCounter());
  return (
    <div
      className="kiosk-staff-corner"
      data-testid="kiosk-staff-corner"
      aria-hidden="true"
      onPointerDown={(event) => {
        if (counter.current.tap(event.timeStamp)) onGesture();
      }}
    />
  );
}

import { useState } from 'react';
import { KioskExitDialog } from './KioskExitDialog';
import { StaffCorner } from './StaffCorner';

export function KioskScreen() {
  const [exiting, setExiting] = useState(false);
  return (
    <main className="screen kiosk">
      <header>
        <h1>Borne de commande</h1>
      </header>
      <p>Commandez ici les articles absents du rayon : livraison à domicile ou retrait en magasin.</p>
      <StaffCorner onGesture={() => setExiting(true)} />
      {exiting ? <KioskExitDialog onClose={() => setExiting(false)} /> : null}
    </main>
  );
}

export function KioskScreen() {
  return (
    <main className="screen kiosk">
      <header>
        <h1>Borne de commande</h1>
      </header>
      <p>Commandez ici les articles absents du rayon : livraison à domicile ou retrait en magasin.</p>
    </main>
  );
}

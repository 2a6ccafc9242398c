export function PickupScreen() {
  return (
    <main className="screen pickup">
      <header>
        <h1>Retrait des commandes</h1>
      </header>
      <p>Scannez le code de retrait du client pour lui remettre sa commande.</p>
    </main>
  );
}

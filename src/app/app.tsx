export function App() {
  return (
    <main className="flex min-h-screen items-center justify-center">
      <h1 className="text-3xl font-semibold">Vigie</h1>
    </main>
  );
}

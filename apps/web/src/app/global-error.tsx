"use client";
// The last resort, when even the shell failed: it replaces the root layout, so it has no translations
// and no session; French first, as the app, with its own document and the app's styles.
import Link from "next/link";
import "./globals.css";

export default function GlobalError({
  error,
  retry,
  reset,
}: {
  error: unknown;
  retry?: () => void;
  reset?: () => void;
}) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <html lang="fr">
      <body>
        <title>Erreur · Mutuo</title>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto max-w-6xl px-4 py-3">
            <span className="text-xl font-bold tracking-tight text-brand-800">Mutuo</span>
          </div>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-8">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Une erreur est survenue</h1>
          <p className="mt-2 max-w-3xl text-slate-700">
            Mutuo n&apos;a pas pu afficher cette page. Réessayez dans un instant ; si le problème persiste,
            signalez-le à la DSI en donnant la référence ci-dessous.
          </p>
          {digest ? <p className="mt-4 text-sm text-slate-700">Référence : {digest}</p> : null}
          <p className="mt-6 flex flex-wrap items-center gap-4">
            <button
              type="button"
              onClick={() => (retry ?? reset)?.()}
              className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
            >
              Réessayer
            </button>
            <Link href="/">Retour à l&apos;accueil</Link>
          </p>
          <p lang="en" className="mt-8 text-sm text-slate-600">
            An unexpected error occurred. Try again; if it persists, tell the IT department the reference
            above.
          </p>
        </main>
      </body>
    </html>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import { Modal } from "~/components/ui/modal";

/** What a shortcut does on the library page; anywhere else it first goes there. */
type LibraryAction = "search" | "add-song";

const LIBRARY_KEYS: Record<string, LibraryAction> = { "/": "search", n: "add-song" };

const SHORTCUTS = [
  { key: "/", does: "Search the library" },
  { key: "n", does: "Add a song" },
  { key: "?", does: "Show these shortcuts" },
] as const;

interface Registry {
  /** Lets `action` run `run`; returns the undo. */
  register(action: LibraryAction, run: () => void): () => void;
}

const RegistryContext = createContext<Registry | null>(null);

/** Whether the key press belongs to something else: typing in a field, or an open dialog. */
function belongsElsewhere(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.repeat || event.isComposing) return true;
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target;
  if (target instanceof HTMLElement) {
    if (target.isContentEditable || target.closest("input, textarea, select")) return true;
  }
  return document.querySelector("dialog[open]") !== null;
}

/**
 * The signed-in pages' keyboard shortcuts: `/` searches the library, `n` adds a song (both take
 * you to the library first if you are elsewhere), `?` lists them in a dialog.
 */
export function KeyboardShortcuts({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [listing, setListing] = useState(false);
  const handlers = useRef(new Map<LibraryAction, () => void>());
  // An action asked for on another page, run as soon as the library registers it.
  const pending = useRef<LibraryAction | null>(null);
  const [registry] = useState<Registry>(() => ({
    register(action, run) {
      handlers.current.set(action, run);
      if (pending.current === action) {
        pending.current = null;
        run();
      }
      return () => {
        if (handlers.current.get(action) === run) handlers.current.delete(action);
      };
    },
  }));

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (belongsElsewhere(event)) return;
      if (event.key === "?") {
        event.preventDefault();
        setListing(true);
        return;
      }
      const action = LIBRARY_KEYS[event.key];
      if (!action) return;
      // `/` would otherwise open the browser's quick find, or be typed into the search box.
      event.preventDefault();
      const run = handlers.current.get(action);
      if (run) return run();
      pending.current = action;
      router.push("/songs");
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [router]);

  return (
    <RegistryContext value={registry}>
      {children}
      {listing && (
        <Modal title="Keyboard shortcuts" onClose={() => setListing(false)}>
          <dl className="shortcut-list">
            {SHORTCUTS.map(({ key, does }) => (
              <div key={key}>
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{does}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">They do nothing while you type in a field.</p>
        </Modal>
      )}
    </RegistryContext>
  );
}

/** Runs `run` when the shortcut of `action` is pressed, while the calling component is shown. */
export function useShortcut(action: LibraryAction, run: () => void) {
  const registry = useContext(RegistryContext);
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => registry?.register(action, () => latest.current()), [registry, action]);
}

"use client";

import { createContext, type ReactNode, useCallback, useContext, useState } from "react";

/** A button in a toast: "Undo". */
export interface ToastAction {
  label: string;
  onClick: () => void;
}

interface Toast {
  id: number;
  /** Text, or text with a link ("Added 3 songs to <a>Road trip</a>"). */
  message: ReactNode;
  tone: "success" | "error";
  action?: ToastAction;
}

type ShowToast = (message: ReactNode, tone?: Toast["tone"], action?: ToastAction) => void;

const ToastContext = createContext<ShowToast>(() => {});

/** How long a toast stays; one with an action stays longer, to give time to reach it. */
const SHOWN_MS = 5000;
const SHOWN_WITH_ACTION_MS = 10_000;

/** Short confirmations ("Song added"), announced to screen readers through a live region. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback(
    (id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)),
    [],
  );
  const show = useCallback<ShowToast>(
    (message, tone = "success", action) => {
      const id = Date.now() + Math.random();
      setToasts((current) => [...current.slice(-2), { id, message, tone, action }]);
      setTimeout(() => dismiss(id), action ? SHOWN_WITH_ACTION_MS : SHOWN_MS);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            {toast.message}
            {toast.action && (
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  dismiss(toast.id);
                  toast.action?.onClick();
                }}
              >
                {toast.action.label}
              </button>
            )}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}

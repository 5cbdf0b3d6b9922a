"use client";

import { createContext, type ReactNode, useCallback, useContext, useState } from "react";

interface Toast {
  id: number;
  /** Text, or text with a link ("Added 3 songs to <a>Road trip</a>"). */
  message: ReactNode;
  tone: "success" | "error";
}

const ToastContext = createContext<(message: ReactNode, tone?: Toast["tone"]) => void>(() => {});

/** Short confirmations ("Song added"), announced to screen readers through a live region. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((message: ReactNode, tone: Toast["tone"] = "success") => {
    const id = Date.now() + Math.random();
    setToasts((current) => [...current.slice(-2), { id, message, tone }]);
    setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== id)), 5000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            {toast.message}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}

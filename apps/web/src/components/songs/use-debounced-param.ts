"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A text box bound to a URL value: typing updates the box at once and calls `commit` after a
 * pause; a URL change from elsewhere (Back, a link) puts its value back in the box.
 */
export function useDebouncedParam(urlValue: string, commit: (value: string) => void, delay = 350) {
  const [value, setValue] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  if (seen !== urlValue) {
    setSeen(urlValue);
    setValue(urlValue);
  }
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => {
    if (value === urlValue) return;
    const timer = setTimeout(() => commitRef.current(value), delay);
    return () => clearTimeout(timer);
  }, [value, urlValue, delay]);
  return [value, setValue] as const;
}

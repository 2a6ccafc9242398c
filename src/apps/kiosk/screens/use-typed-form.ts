import { useRef, useState } from 'react';
import { type KeyboardKey, typeKey } from '../OnScreenKeyboard';

/**
 * Which field of a form the on-screen keyboard types into, and the key
 * handler that does it: the active field gets the key and keeps the focus.
 */
export function useTypedForm<K extends string>(
  first: K,
  read: (field: K) => string,
  write: (field: K, value: string) => void,
) {
  const [active, setActive] = useState<K>(first);
  const inputs = useRef(new Map<K, HTMLInputElement>());
  return {
    active,
    focusOn: (field: K) => () => setActive(field),
    refOf: (field: K) => (element: HTMLInputElement | null) => {
      if (element) inputs.current.set(field, element);
      else inputs.current.delete(field);
    },
    onKey: (key: KeyboardKey) => {
      inputs.current.get(active)?.focus();
      write(active, typeKey(read(active), key));
    },
  };
}

import { type PointerEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverSignature } from '../../core/orders/handover';

const WIDTH = 600;
const HEIGHT = 200;

/**
 * A signature on the touch screen: a canvas that draws the strokes as the
 * finger moves and hands them back as an SVG path in the canvas's own
 * pixels (whole numbers), the form the handover stores.
 */
export function SignaturePad({
  onChange,
  signed,
}: {
  onChange: (signature: HandoverSignature | undefined) => void;
  signed: boolean;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const path = useRef<string[]>([]);
  const drawing = useRef(false);

  useEffect(() => {
    if (!signed) {
      path.current = [];
      const context = canvas.current?.getContext('2d');
      context?.clearRect(0, 0, WIDTH, HEIGHT);
    }
  }, [signed]);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = Math.round(((event.clientX - box.left) / box.width) * WIDTH);
    const y = Math.round(((event.clientY - box.top) / box.height) * HEIGHT);
    return { x: Math.min(WIDTH, Math.max(0, x)), y: Math.min(HEIGHT, Math.max(0, y)) };
  };
  const down = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    path.current.push(`M${x} ${y}`);
    const context = canvas.current?.getContext('2d');
    if (context) {
      context.lineWidth = 3;
      context.lineCap = 'round';
      context.strokeStyle = '#111827';
      context.beginPath();
      context.moveTo(x, y);
    }
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const { x, y } = point(event);
    path.current.push(`L${x} ${y}`);
    const context = canvas.current?.getContext('2d');
    context?.lineTo(x, y);
    context?.stroke();
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    const text = path.current.join(' ');
    // A dot is not a signature: at least one line drawn.
    if (text.includes('L') && text.length <= 16_000) onChange({ width: WIDTH, height: HEIGHT, path: text });
  };

  return (
    <div className="pickup-signature">
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={t('pickupApp.sign.pad')}
        data-testid="pickup-signature-pad"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={up}
      />
      <button
        type="button"
        className="secondary"
        onClick={() => onChange(undefined)}
        data-testid="pickup-signature-clear"
      >
        {t('pickupApp.sign.clear')}
      </button>
    </div>
  );
}

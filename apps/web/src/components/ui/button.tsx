import type { ButtonHTMLAttributes, ReactNode } from "react";
import { cn } from "./cn.ts";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md" | "lg";

// Each variant sets its own text colour and `no-underline`, and the global link rule lives in
// the base layer (globals.css), so a Link styled as a button keeps its contrast: the old bug was
// a global `a { color }` beating `text-white` (blue on blue, 1:1).
const variants: Record<ButtonVariant, string> = {
  primary: "border border-brand-700 bg-brand-700 text-white hover:bg-brand-800 hover:text-white",
  secondary: "border border-slate-400 bg-white text-slate-800 hover:bg-slate-100 hover:text-slate-900",
  danger: "border border-red-700 bg-red-700 text-white hover:bg-red-800 hover:text-white",
  ghost: "border border-transparent bg-transparent text-slate-800 hover:bg-slate-100 hover:text-slate-900",
};
const sizes: Record<ButtonSize, string> = {
  sm: "min-h-9 px-3 py-1.5 text-sm",
  // 44 px on a phone, where a thumb presses it; 40 px from tablet width.
  md: "min-h-11 px-4 py-2 sm:min-h-10",
  // Thumb-sized on phones (44 px).
  lg: "min-h-11 px-5 py-2.5 text-base",
};

/** Classes of a button; use on a Link to make it look like one. */
export function buttonClass({
  variant = "primary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn(
    "inline-flex items-center justify-center gap-2 rounded-md font-medium no-underline hover:no-underline",
    "disabled:cursor-not-allowed disabled:opacity-60",
    variants[variant],
    sizes[size],
    className,
  );
}

export function Button({
  variant,
  size,
  className,
  type = "button",
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  children: ReactNode;
  ref?: React.Ref<HTMLButtonElement>;
}) {
  return (
    <button type={type} className={buttonClass({ variant, size, className })} {...rest}>
      {children}
    </button>
  );
}

// Mutuo's interface primitives: one place for the widgets every page uses. Accessible behaviour
// comes from well-kept libraries (Radix primitives via `radix-ui`, react-aria-components for
// the combobox, sonner for toasts, lucide-react for icons), styled here with Tailwind.
//
// - Button / buttonClass: variants primary (one per view), secondary, danger (destructive,
//   only inside a ConfirmDialog), ghost; sizes sm, md, lg (lg = 44 px, thumb-sized). Use
//   buttonClass() on a <Link> that looks like a button.
// - Dialog, DialogTrigger, DialogContent, DialogClose: modal dialog (focus trap, Escape).
// - ConfirmDialog: a destructive action behind a dialog that names the consequence, with an
//   optional (required) reason field; Cancel is focused first, the red button is never default.
// - DropdownMenu (+Trigger, Content, Item, LinkItem, Label, Separator, Group): menus of actions
//   or links (arrow keys, type-ahead).
// - Popover (+Trigger, Content, Close): non-modal panel, e.g. "more filters".
// - Tabs (+List, Trigger, Content): client-side tabs; LinkTabs: tabs that are URLs (server lists).
// - Tooltip: hover/focus hint on a focusable element (never the only source of information).
// - Combobox: type-to-filter choice among many options, submitted under a form field name.
// - Toaster (in the root layout), toast(), ToastOnMount: polite confirmations.
// - Icons: import from lucide-react directly, with aria-hidden="true" beside visible text.
export { Button, buttonClass, type ButtonSize, type ButtonVariant } from "./button.tsx";
export { cn } from "./cn.ts";
export { Combobox, type ComboboxOption } from "./combobox.tsx";
export { ConfirmDialog } from "./confirm-dialog.tsx";
export { Dialog, DialogClose, DialogContent, DialogTrigger } from "./dialog.tsx";
export {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuLinkItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "./dropdown-menu.tsx";
export { Popover, PopoverClose, PopoverContent, PopoverTrigger } from "./popover.tsx";
export { LinkTabs, Tabs, TabsContent, TabsList, TabsTrigger } from "./tabs.tsx";
export { Toaster, ToastOnMount, toast } from "./toaster.tsx";
export { Tooltip } from "./tooltip.tsx";

"use client";
// A combobox on react-aria-components (ARIA 1.2 combobox pattern: type to filter, arrows to move,
// Enter to choose, Escape to close). Submits the chosen option's value under `name`; inside an
// ActionForm it shows the field's error and keeps the chosen value after an error.
import { ChevronsUpDown, Check } from "lucide-react";
import {
  Button as AriaButton,
  ComboBox as AriaComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from "react-aria-components";
import { useFormState } from "../form.tsx";

export interface ComboboxOption {
  value: string;
  label: string;
  /** A second line (e.g. a body's kind), also searched. */
  detail?: string;
}

export function Combobox({
  name,
  label,
  options,
  defaultValue,
  required,
  hint,
  emptyLabel,
  openLabel,
  onChange,
}: {
  name: string;
  label: string;
  options: ComboboxOption[];
  defaultValue?: string;
  required?: boolean;
  hint?: string;
  /** Shown when nothing matches what was typed. */
  emptyLabel: string;
  /** Accessible name of the button that opens the list. */
  openLabel: string;
  onChange?: (value: string | null) => void;
}) {
  const state = useFormState();
  const error = state.fieldErrors?.[name];
  const value = state.values?.[name] ?? defaultValue;
  return (
    <AriaComboBox
      name={name}
      defaultSelectedKey={value || null}
      key={value}
      isRequired={required}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      defaultItems={options}
      menuTrigger="focus"
      allowsEmptyCollection
      onSelectionChange={(key) => onChange?.(key === null ? null : String(key))}
      className="group flex flex-col gap-1"
    >
      <Label className="font-medium text-slate-800">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </Label>
      {hint ? (
        <Text slot="description" className="text-sm text-slate-600">
          {hint}
        </Text>
      ) : null}
      <div className="relative flex">
        <Input className="w-full rounded-md border border-slate-400 bg-white py-2 pl-3 pr-10 data-[invalid]:border-red-700" />
        <AriaButton
          aria-label={openLabel}
          className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-r-md text-slate-700 hover:bg-slate-100"
        >
          <ChevronsUpDown aria-hidden="true" className="size-4" />
        </AriaButton>
      </div>
      <FieldError className="text-sm font-medium text-red-800">{error}</FieldError>
      <Popover className="w-(--trigger-width) max-w-[calc(100vw-1rem)] overflow-auto rounded-md border border-slate-200 bg-white shadow-lg">
        <ListBox<ComboboxOption>
          className="max-h-72 p-1 outline-none"
          renderEmptyState={() => <p className="px-3 py-2 text-sm text-slate-700">{emptyLabel}</p>}
        >
          {(o) => (
            <ListBoxItem
              id={o.value}
              textValue={o.detail ? `${o.label} ${o.detail}` : o.label}
              className="flex cursor-pointer items-center gap-2 rounded px-3 py-2 text-slate-800 outline-none data-[focused]:bg-brand-50 data-[focused]:text-brand-800"
            >
              {({ isSelected }) => (
                <>
                  <Check aria-hidden="true" className={`size-4 shrink-0 ${isSelected ? "" : "invisible"}`} />
                  <span className="flex flex-col">
                    <span>{o.label}</span>
                    {o.detail ? <span className="text-sm text-slate-600">{o.detail}</span> : null}
                  </span>
                </>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}

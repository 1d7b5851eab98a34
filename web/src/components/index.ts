// The shared component set. A component lives here once a second page needs it; until then it
// stays in its page's folder.
export { Badge, type BadgeTone } from './Badge.tsx';
export { Button, ButtonLink, buttonClass, type ButtonProps, type ButtonVariant } from './Button.tsx';
export { Checkbox, type CheckboxProps } from './Checkbox.tsx';
export { EditorName } from './EditorName.tsx';
export { EmptyState, type EmptyStateProps } from './EmptyState.tsx';
export { ErrorState, type ErrorStateProps } from './ErrorState.tsx';
export { LearnMoreLink } from './LearnMoreLink.tsx';
export { FormError, type FormErrorProps } from './FormError.tsx';
export { FieldError, FieldHint, useFieldIds, type FieldTextProps } from './Field.tsx';
export { Menu, type MenuItem, type MenuProps } from './Menu.tsx';
export { Modal, type ModalProps } from './Modal.tsx';
export { Page, type PageProps } from './Page.tsx';
export { RadioGroup, type RadioGroupProps, type RadioOption } from './RadioGroup.tsx';
export { Select, type SelectProps } from './Select.tsx';
export { ShareButton } from './ShareButton.tsx';
export { PageLoading, Spinner, type SpinnerProps } from './Spinner.tsx';
export { Table, type Column, type TableProps } from './Table.tsx';
export { Tabs, tabPanelProps, type TabItem, type TabsProps } from './Tabs.tsx';
export { NumberInput, TextArea, TextInput, type TextAreaProps, type TextInputProps } from './TextInput.tsx';
export { ToastProvider, useToast, type ToastApi, type ToastOptions } from './Toast.tsx';

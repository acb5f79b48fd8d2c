/** The <option>s of a Select whose values are also their texts (tables, sheets, years, inputs). */
export function PlainOptions({ values }: { values: readonly (string | number)[] }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {value}
        </option>
      ))}
    </>
  );
}

// Mantine's PostCSS preset gives `rem()`, `light-dark()` and breakpoint mixins to our CSS;
// the breakpoint variables mirror Mantine's default theme so media queries match its props.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
    'postcss-simple-vars': {
      variables: {
        'mantine-breakpoint-xs': '36em',
        'mantine-breakpoint-sm': '48em',
        'mantine-breakpoint-md': '62em',
        'mantine-breakpoint-lg': '75em',
        'mantine-breakpoint-xl': '88em',
      },
    },
  },
};

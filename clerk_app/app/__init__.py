"""The application layer: one module per use case, plain functions with typed inputs and
outputs, no Qt widgets. The GUI calls only these (through ``Op``/``DbWriter``); they use the
store, the records service client and the document writers behind ``AppContext.backend``."""

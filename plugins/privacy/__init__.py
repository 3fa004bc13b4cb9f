"""Personal data that must never reach the output (design §5, domain §7).

A library used by every reader of officer content: the table reader refuses
personal-data columns and cells, the bundle reader refuses ID numbers in
explanations. No Pelican glue: the rule is enforced where content is read.
"""

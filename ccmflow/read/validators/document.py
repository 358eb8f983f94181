# Generated from ccmflow/schemas/document.schema.json by `python -m ccmflow.read.schemagen` (fastjsonschema 2.22.3): do not edit.
# ruff: noqa
# mypy: ignore-errors
SCHEMA_TEXT = '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "$id": "https://ccmflow.invalid/schemas/document.schema.json",\n  "title": "ccmflow document",\n  "description": "One outcome document: metadata, sections, paragraphs with stable ids.",\n  "type": "object",\n  "additionalProperties": false,\n  "required": [\n    "document",\n    "sections"\n  ],\n  "properties": {\n    "document": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": [\n        "id",\n        "title",\n        "version",\n        "status"\n      ],\n      "properties": {\n        "id": {\n          "$ref": "#/$defs/slug",\n          "description": "Stable document id, e.g. review-document."\n        },\n        "title": {\n          "$ref": "#/$defs/text"\n        },\n        "symbol": {\n          "type": "string",\n          "minLength": 1,\n          "description": "Official symbol, e.g. CCM/CONF/2020/3."\n        },\n        "symbols": {\n          "type": "object",\n          "description": "The document\'s symbol per version (version id -> symbol), e.g. zero-draft: CCM/CONF/2020/WP.1. A version without one shows `symbol`.",\n          "additionalProperties": {\n            "type": "string",\n            "minLength": 1\n          }\n        },\n        "issued": {\n          "type": "object",\n          "description": "Date of issue per version (version id -> YYYY-MM-DD), shown in the header; a revision issued at the conference also gives the time, conference time (YYYY-MM-DDTHH:MM).",\n          "additionalProperties": {\n            "type": "string",\n            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?$",\n            "description": "A calendar date, YYYY-MM-DD, or a date and time in conference time, YYYY-MM-DDTHH:MM (quote it in YAML)."\n          }\n        },\n        "original": {\n          "$ref": "#/$defs/language",\n          "description": "The language the document was written in (shown as \'Original: English\')."\n        },\n        "agenda_item": {\n          "$ref": "#/$defs/text",\n          "description": "The agenda item it is submitted under, e.g. \'Item 10 of the provisional agenda: Review of the operation and status of the Convention\'."\n        },\n        "submitted_by": {\n          "$ref": "#/$defs/text",\n          "description": "Who submits it, as the header says it, e.g. \'Submitted by the President\'."\n        },\n        "version": {\n          "$ref": "#/$defs/slug",\n          "description": "Version the text is at; one of the process\'s versions (process.yaml)."\n        },\n        "status": {\n          "enum": [\n            "draft",\n            "circulated",\n            "adopted"\n          ],\n          "description": "Adoption status."\n        },\n        "informs": {\n          "type": "array",\n          "items": {\n            "$ref": "#/$defs/slug"\n          },\n          "uniqueItems": true\n        },\n        "informed_by": {\n          "type": "array",\n          "items": {\n            "$ref": "#/$defs/slug"\n          },\n          "uniqueItems": true\n        },\n        "numbering": {\n          "type": "object",\n          "description": "Display number format per paragraph kind; \'{n}\' is the counter. Kinds with the same format share a counter. Default: action -> \'Action {n}\', any other kind -> \'{n}\'. An empty string leaves that kind unnumbered.",\n          "additionalProperties": {\n            "type": "string",\n            "maxLength": 64,\n            "pattern": "^$|^(?=[^{}]{0,30}\\\\{n\\\\}[^{}]{0,30}$)(?:[A-Za-z0-9À-ÖØ-öø-ɏΆ-ώЀ-ӿء-ي٠-٩一-鿿 .,:()\\\\-–]|\\\\{n\\\\})+$",\n            "description": "write the counter \'{n}\' once, with at most 30 letters, digits, spaces or . , : ( ) - – before and after it (e.g. \'Action {n}\', \'({n})\', \'Art. {n}:\'), or \\"\\" for no number; no other symbols"\n          }\n        }\n      }\n    },\n    "sections": {\n      "type": "array",\n      "minItems": 1,\n      "items": {\n        "$ref": "#/$defs/section"\n      }\n    }\n  },\n  "$defs": {\n    "slug": {\n      "type": "string",\n      "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",\n      "description": "use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)",\n      "maxLength": 64\n    },\n    "pid": {\n      "type": "string",\n      "pattern": "^[a-z0-9][a-z0-9-]{2,39}$",\n      "description": "Opaque paragraph id: never derived from position, never reused. `ccmflow new-id` makes one."\n    },\n    "text": {\n      "type": "string",\n      "minLength": 1,\n      "pattern": "\\\\S",\n      "description": "write the text: it cannot be only spaces"\n    },\n    "reference": {\n      "type": "string",\n      "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*#[a-z0-9][a-z0-9-]{2,63}$",\n      "description": "document-id#paragraph-or-section-id"\n    },\n    "section": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": [\n        "id",\n        "title",\n        "paragraphs"\n      ],\n      "properties": {\n        "id": {\n          "$ref": "#/$defs/slug"\n        },\n        "title": {\n          "$ref": "#/$defs/text"\n        },\n        "paragraphs": {\n          "type": "array",\n          "items": {\n            "$ref": "#/$defs/paragraph"\n          }\n        }\n      }\n    },\n    "paragraph": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": [\n        "id",\n        "kind",\n        "text"\n      ],\n      "properties": {\n        "id": {\n          "$ref": "#/$defs/pid"\n        },\n        "kind": {\n          "enum": [\n            "preambular",\n            "operative",\n            "action",\n            "narrative"\n          ]\n        },\n        "text": {\n          "$ref": "#/$defs/text"\n        },\n        "indicators": {\n          "type": "array",\n          "minItems": 1,\n          "items": {\n            "$ref": "#/$defs/text"\n          }\n        },\n        "baseline": {\n          "$ref": "#/$defs/text"\n        },\n        "target": {\n          "$ref": "#/$defs/text"\n        },\n        "responsible": {\n          "type": "array",\n          "minItems": 1,\n          "items": {\n            "$ref": "#/$defs/text"\n          }\n        },\n        "timeframe": {\n          "$ref": "#/$defs/text"\n        },\n        "references": {\n          "type": "array",\n          "items": {\n            "$ref": "#/$defs/reference"\n          },\n          "uniqueItems": true\n        },\n        "derived_from": {\n          "type": "array",\n          "description": "Provenance: the inputs this paragraph was derived from, e.g. pr-12 (set by ccmflow consolidate).",\n          "items": {\n            "type": "string",\n            "pattern": "^[a-z0-9][a-z0-9-]*$",\n            "description": "an input\'s name, such as pr-12: lower-case letters, digits and hyphens"\n          },\n          "uniqueItems": true\n        }\n      },\n      "if": {\n        "required": [\n          "kind"\n        ],\n        "properties": {\n          "kind": {\n            "const": "action"\n          }\n        }\n      },\n      "then": {\n        "required": [\n          "indicators"\n        ]\n      }\n    },\n    "date": {\n      "type": "string",\n      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",\n      "description": "A calendar date, YYYY-MM-DD (quote it in YAML)."\n    },\n    "language": {\n      "enum": [\n        "en",\n        "fr",\n        "es",\n        "ar",\n        "ru",\n        "zh"\n      ],\n      "description": "One of the six languages: English, French, Spanish, Arabic, Russian, Chinese."\n    }\n  }\n}\n'
VERSION = '2.22.3'
import re
from ccmflow.read.validators import JsonSchemaValueException, JsonSchemaValuesException, LazyPatterns
REGEX_PATTERNS = LazyPatterns({'^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?$': '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?\\Z', '^$|^(?=[^{}]{0,30}\\{n\\}[^{}]{0,30}$)(?:[A-Za-z0-9À-ÖØ-öø-ɏΆ-ώЀ-ӿء-ي٠-٩一-鿿 .,:()\\-–]|\\{n\\})+$': '^\\Z|^(?=[^{}]{0,30}\\{n\\}[^{}]{0,30}\\Z)(?:[A-Za-z0-9À-ÖØ-öø-ɏΆ-ώЀ-ӿء-ي٠-٩一-鿿 .,:()\\-–]|\\{n\\})+\\Z', '^[a-z0-9][a-z0-9-]*$': '^[a-z0-9][a-z0-9-]*\\Z', '^[a-z][a-z0-9]*(-[a-z0-9]+)*#[a-z0-9][a-z0-9-]{2,63}$': '^[a-z][a-z0-9]*(-[a-z0-9]+)*#[a-z0-9][a-z0-9-]{2,63}\\Z', '^[a-z0-9][a-z0-9-]{2,39}$': '^[a-z0-9][a-z0-9-]{2,39}\\Z', '\\S': '\\S', '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': '^[a-z][a-z0-9]*(-[a-z0-9]+)*\\Z'})
NoneType = type(None)

def validate_https___ccmflow_invalid_schemas_document_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['document', 'sections']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'document' in data_keys:
            data_keys.remove('document')
            data__document = data['document']
            if not isinstance(data__document, dict):
                raise JsonSchemaValueException('type')
            data__document_is_dict = isinstance(data__document, dict)
            if data__document_is_dict:
                data__document__missing_keys = set(['id', 'title', 'version', 'status']) - data__document.keys()
                if data__document__missing_keys:
                    raise JsonSchemaValueException('required')
                data__document_keys = set(data__document.keys())
                if 'id' in data__document_keys:
                    data__document_keys.remove('id')
                    data__document__id = data__document['id']
                    validate_https___ccmflow_invalid_schemas_document_schema_json___defs_slug(data__document__id, custom_formats, None)
                if 'title' in data__document_keys:
                    data__document_keys.remove('title')
                    data__document__title = data__document['title']
                    validate_https___ccmflow_invalid_schemas_document_schema_json___defs_text(data__document__title, custom_formats, None)
                if 'symbol' in data__document_keys:
                    data__document_keys.remove('symbol')
                    data__document__symbol = data__document['symbol']
                    if not isinstance(data__document__symbol, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__document__symbol, str):
                        data__document__symbol_len = len(data__document__symbol)
                        if data__document__symbol_len < 1:
                            raise JsonSchemaValueException('minLength')
                if 'symbols' in data__document_keys:
                    data__document_keys.remove('symbols')
                    data__document__symbols = data__document['symbols']
                    if not isinstance(data__document__symbols, dict):
                        raise JsonSchemaValueException('type')
                    data__document__symbols_is_dict = isinstance(data__document__symbols, dict)
                    if data__document__symbols_is_dict:
                        data__document__symbols_keys = set(data__document__symbols.keys())
                        for data__document__symbols_key in data__document__symbols_keys:
                            if data__document__symbols_key not in []:
                                data__document__symbols_value = data__document__symbols.get(data__document__symbols_key)
                                if not isinstance(data__document__symbols_value, str):
                                    raise JsonSchemaValueException('type')
                                if isinstance(data__document__symbols_value, str):
                                    data__document__symbols_value_len = len(data__document__symbols_value)
                                    if data__document__symbols_value_len < 1:
                                        raise JsonSchemaValueException('minLength')
                if 'issued' in data__document_keys:
                    data__document_keys.remove('issued')
                    data__document__issued = data__document['issued']
                    if not isinstance(data__document__issued, dict):
                        raise JsonSchemaValueException('type')
                    data__document__issued_is_dict = isinstance(data__document__issued, dict)
                    if data__document__issued_is_dict:
                        data__document__issued_keys = set(data__document__issued.keys())
                        for data__document__issued_key in data__document__issued_keys:
                            if data__document__issued_key not in []:
                                data__document__issued_value = data__document__issued.get(data__document__issued_key)
                                if not isinstance(data__document__issued_value, str):
                                    raise JsonSchemaValueException('type')
                                if isinstance(data__document__issued_value, str):
                                    if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?$'].search(data__document__issued_value):
                                        raise JsonSchemaValueException('pattern')
                if 'original' in data__document_keys:
                    data__document_keys.remove('original')
                    data__document__original = data__document['original']
                    validate_https___ccmflow_invalid_schemas_document_schema_json___defs_language(data__document__original, custom_formats, None)
                if 'agenda_item' in data__document_keys:
                    data__document_keys.remove('agenda_item')
                    data__document__agendaitem = data__document['agenda_item']
                    validate_https___ccmflow_invalid_schemas_document_schema_json___defs_text(data__document__agendaitem, custom_formats, None)
                if 'submitted_by' in data__document_keys:
                    data__document_keys.remove('submitted_by')
                    data__document__submittedby = data__document['submitted_by']
                    validate_https___ccmflow_invalid_schemas_document_schema_json___defs_text(data__document__submittedby, custom_formats, None)
                if 'version' in data__document_keys:
                    data__document_keys.remove('version')
                    data__document__version = data__document['version']
                    validate_https___ccmflow_invalid_schemas_document_schema_json___defs_slug(data__document__version, custom_formats, None)
                if 'status' in data__document_keys:
                    data__document_keys.remove('status')
                    data__document__status = data__document['status']
                    if not (isinstance(data__document__status, str) and data__document__status == 'draft' or (isinstance(data__document__status, str) and data__document__status == 'circulated') or (isinstance(data__document__status, str) and data__document__status == 'adopted')):
                        raise JsonSchemaValueException('enum')
                if 'informs' in data__document_keys:
                    data__document_keys.remove('informs')
                    data__document__informs = data__document['informs']
                    if not isinstance(data__document__informs, (list, tuple)):
                        raise JsonSchemaValueException('type')
                    data__document__informs_is_list = isinstance(data__document__informs, (list, tuple))
                    if data__document__informs_is_list:

                        def fn(var):
                            return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        data__document__informs_len = len(data__document__informs)
                        if data__document__informs_len > len(set((fn(data__document__informs_x) for data__document__informs_x in data__document__informs))):
                            raise JsonSchemaValueException('uniqueItems')
                        for data__document__informs_x, data__document__informs_item in enumerate(data__document__informs):
                            validate_https___ccmflow_invalid_schemas_document_schema_json___defs_slug(data__document__informs_item, custom_formats, None)
                if 'informed_by' in data__document_keys:
                    data__document_keys.remove('informed_by')
                    data__document__informedby = data__document['informed_by']
                    if not isinstance(data__document__informedby, (list, tuple)):
                        raise JsonSchemaValueException('type')
                    data__document__informedby_is_list = isinstance(data__document__informedby, (list, tuple))
                    if data__document__informedby_is_list:

                        def fn(var):
                            return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        data__document__informedby_len = len(data__document__informedby)
                        if data__document__informedby_len > len(set((fn(data__document__informedby_x) for data__document__informedby_x in data__document__informedby))):
                            raise JsonSchemaValueException('uniqueItems')
                        for data__document__informedby_x, data__document__informedby_item in enumerate(data__document__informedby):
                            validate_https___ccmflow_invalid_schemas_document_schema_json___defs_slug(data__document__informedby_item, custom_formats, None)
                if 'numbering' in data__document_keys:
                    data__document_keys.remove('numbering')
                    data__document__numbering = data__document['numbering']
                    if not isinstance(data__document__numbering, dict):
                        raise JsonSchemaValueException('type')
                    data__document__numbering_is_dict = isinstance(data__document__numbering, dict)
                    if data__document__numbering_is_dict:
                        data__document__numbering_keys = set(data__document__numbering.keys())
                        for data__document__numbering_key in data__document__numbering_keys:
                            if data__document__numbering_key not in []:
                                data__document__numbering_value = data__document__numbering.get(data__document__numbering_key)
                                if not isinstance(data__document__numbering_value, str):
                                    raise JsonSchemaValueException('type')
                                if isinstance(data__document__numbering_value, str):
                                    data__document__numbering_value_len = len(data__document__numbering_value)
                                    if data__document__numbering_value_len > 64:
                                        raise JsonSchemaValueException('maxLength')
                                    if not REGEX_PATTERNS['^$|^(?=[^{}]{0,30}\\{n\\}[^{}]{0,30}$)(?:[A-Za-z0-9À-ÖØ-öø-ɏΆ-ώЀ-ӿء-ي٠-٩一-鿿 .,:()\\-–]|\\{n\\})+$'].search(data__document__numbering_value):
                                        raise JsonSchemaValueException('pattern')
                if data__document_keys:
                    raise JsonSchemaValueException('additionalProperties')
        if 'sections' in data_keys:
            data_keys.remove('sections')
            data__sections = data['sections']
            if not isinstance(data__sections, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__sections_is_list = isinstance(data__sections, (list, tuple))
            if data__sections_is_list:
                data__sections_len = len(data__sections)
                if data__sections_len < 1:
                    raise JsonSchemaValueException('minItems')
                for data__sections_x, data__sections_item in enumerate(data__sections):
                    validate_https___ccmflow_invalid_schemas_document_schema_json___defs_section(data__sections_item, custom_formats, None)
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_document_schema_json___defs_section(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'paragraphs']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate_https___ccmflow_invalid_schemas_document_schema_json___defs_slug(data__id, custom_formats, None)
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            validate_https___ccmflow_invalid_schemas_document_schema_json___defs_text(data__title, custom_formats, None)
        if 'paragraphs' in data_keys:
            data_keys.remove('paragraphs')
            data__paragraphs = data['paragraphs']
            if not isinstance(data__paragraphs, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__paragraphs_is_list = isinstance(data__paragraphs, (list, tuple))
            if data__paragraphs_is_list:
                data__paragraphs_len = len(data__paragraphs)
                for data__paragraphs_x, data__paragraphs_item in enumerate(data__paragraphs):
                    validate_https___ccmflow_invalid_schemas_document_schema_json___defs_paragraph(data__paragraphs_item, custom_formats, None)
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_document_schema_json___defs_paragraph(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'kind', 'text']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate_https___ccmflow_invalid_schemas_document_schema_json___defs_pid(data__id, custom_formats, None)
        if 'kind' in data_keys:
            data_keys.remove('kind')
            data__kind = data['kind']
            if not (isinstance(data__kind, str) and data__kind == 'preambular' or (isinstance(data__kind, str) and data__kind == 'operative') or (isinstance(data__kind, str) and data__kind == 'action') or (isinstance(data__kind, str) and data__kind == 'narrative')):
                raise JsonSchemaValueException('enum')
        if 'text' in data_keys:
            data_keys.remove('text')
            data__text = data['text']
            validate_https___ccmflow_invalid_schemas_document_schema_json___defs_text(data__text, custom_formats, None)
        if 'indicators' in data_keys:
            data_keys.remove('indicators')
            data__indicators = data['indicators']
            if not isinstance(data__indicators, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__indicators_is_list = isinstance(data__indicators, (list, tuple))
            if data__indicators_is_list:
                data__indicators_len = len(data__indicators)
                if data__indicators_len < 1:
                    raise JsonSchemaValueException('minItems')
                for data__indicators_x, data__indicators_item in enumerate(data__indicators):
                    validate_https___ccmflow_invalid_schemas_document_schema_json___defs_text(data__indicators_item, custom_formats, None)
        if 'baseline' in data_keys:
            data_keys.remove('baseline')
            data__baseline = data['baseline']
            validate_https___ccmflow_invalid_schemas_document_schema_json___defs_text(data__baseline, custom_formats, None)
        if 'target' in data_keys:
            data_keys.remove('target')
            data__target = data['target']
            validate_https___ccmflow_invalid_schemas_document_schema_json___defs_text(data__target, custom_formats, None)
        if 'responsible' in data_keys:
            data_keys.remove('responsible')
            data__responsible = data['responsible']
            if not isinstance(data__responsible, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__responsible_is_list = isinstance(data__responsible, (list, tuple))
            if data__responsible_is_list:
                data__responsible_len = len(data__responsible)
                if data__responsible_len < 1:
                    raise JsonSchemaValueException('minItems')
                for data__responsible_x, data__responsible_item in enumerate(data__responsible):
                    validate_https___ccmflow_invalid_schemas_document_schema_json___defs_text(data__responsible_item, custom_formats, None)
        if 'timeframe' in data_keys:
            data_keys.remove('timeframe')
            data__timeframe = data['timeframe']
            validate_https___ccmflow_invalid_schemas_document_schema_json___defs_text(data__timeframe, custom_formats, None)
        if 'references' in data_keys:
            data_keys.remove('references')
            data__references = data['references']
            if not isinstance(data__references, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__references_is_list = isinstance(data__references, (list, tuple))
            if data__references_is_list:

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__references_len = len(data__references)
                if data__references_len > len(set((fn(data__references_x) for data__references_x in data__references))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__references_x, data__references_item in enumerate(data__references):
                    validate_https___ccmflow_invalid_schemas_document_schema_json___defs_reference(data__references_item, custom_formats, None)
        if 'derived_from' in data_keys:
            data_keys.remove('derived_from')
            data__derivedfrom = data['derived_from']
            if not isinstance(data__derivedfrom, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__derivedfrom_is_list = isinstance(data__derivedfrom, (list, tuple))
            if data__derivedfrom_is_list:

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__derivedfrom_len = len(data__derivedfrom)
                if data__derivedfrom_len > len(set((fn(data__derivedfrom_x) for data__derivedfrom_x in data__derivedfrom))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__derivedfrom_x, data__derivedfrom_item in enumerate(data__derivedfrom):
                    if not isinstance(data__derivedfrom_item, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__derivedfrom_item, str):
                        if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]*$'].search(data__derivedfrom_item):
                            raise JsonSchemaValueException('pattern')
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['kind']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException('required')
            data_keys = set(data.keys())
            if 'kind' in data_keys:
                data_keys.remove('kind')
                data__kind = data['kind']
                if not (isinstance(data__kind, str) and data__kind == 'action'):
                    raise JsonSchemaValueException('const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['indicators']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException('required')
    return data

def validate_https___ccmflow_invalid_schemas_document_schema_json___defs_reference(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*#[a-z0-9][a-z0-9-]{2,63}$'].search(data):
            raise JsonSchemaValueException('pattern')
    return data

def validate_https___ccmflow_invalid_schemas_document_schema_json___defs_pid(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]{2,39}$'].search(data):
            raise JsonSchemaValueException('pattern')
    return data

def validate_https___ccmflow_invalid_schemas_document_schema_json___defs_language(data, custom_formats={}, name_prefix=None):
    if not (isinstance(data, str) and data == 'en' or (isinstance(data, str) and data == 'fr') or (isinstance(data, str) and data == 'es') or (isinstance(data, str) and data == 'ar') or (isinstance(data, str) and data == 'ru') or (isinstance(data, str) and data == 'zh')):
        raise JsonSchemaValueException('enum')
    return data

def validate_https___ccmflow_invalid_schemas_document_schema_json___defs_text(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException('minLength')
        if not REGEX_PATTERNS['\\S'].search(data):
            raise JsonSchemaValueException('pattern')
    return data

def validate_https___ccmflow_invalid_schemas_document_schema_json___defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 64:
            raise JsonSchemaValueException('maxLength')
        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data):
            raise JsonSchemaValueException('pattern')
    return data


validate = validate_https___ccmflow_invalid_schemas_document_schema_json
DEFINITIONS = {
    "section": validate_https___ccmflow_invalid_schemas_document_schema_json___defs_section,
    "paragraph": validate_https___ccmflow_invalid_schemas_document_schema_json___defs_paragraph,
    "reference": validate_https___ccmflow_invalid_schemas_document_schema_json___defs_reference,
    "pid": validate_https___ccmflow_invalid_schemas_document_schema_json___defs_pid,
    "language": validate_https___ccmflow_invalid_schemas_document_schema_json___defs_language,
    "text": validate_https___ccmflow_invalid_schemas_document_schema_json___defs_text,
    "slug": validate_https___ccmflow_invalid_schemas_document_schema_json___defs_slug,
}

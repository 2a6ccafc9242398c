export {
  createUuidV7Generator,
  isUuidV7,
  type UuidV7,
  type UuidV7Sources,
  uuidV7Schema,
  uuidV7Timestamp,
} from './uuid-v7';

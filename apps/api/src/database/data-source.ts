import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';

/** The TypeORM CLI's data source; the app builds its own from the same options. */
const config = loadConfig();
export default new DataSource(dataSourceOptions(config.databaseUrl, 2));

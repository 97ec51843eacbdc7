// The sarcoma triage bot on Azure: App Service (Linux, Node 24) running the bot, an Azure Bot with the Teams,
// Direct Line and Web Chat channels, a Storage account for conversation state, and a Key Vault for the secrets.
// The bot authenticates with a user-assigned managed identity (MicrosoftAppType=UserAssignedMSI): no app
// password exists anywhere. Deploy into a resource group:
//   az deployment group create -g <group> -f deploy/azure/main.bicep -p deploy/azure/main.parameters.example.json
// Setting names match deploy/.env.example and src/config.ts.

targetScope = 'resourceGroup'

@description('Short lower-case prefix for resource names (letters and digits).')
@minLength(3)
@maxLength(12)
param namePrefix string = 'sarcomabot'

@description('Region of the App Service, Storage account and Key Vault (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('App Service plan size. B1 is enough for a department; P0v3 or larger for zone redundancy and more instances.')
@allowed([
  'B1'
  'B2'
  'S1'
  'P0v3'
  'P1v3'
])
param appServiceSku string = 'B1'

@description('Number of bot instances. State is shared in Blob Storage, so any instance can take any turn.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Azure Bot pricing tier. F0 is free and unlimited on standard channels (Teams, Direct Line, Web Chat).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Storage redundancy for conversation state.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param storageSku string = 'Standard_LRS'

@description('Blob container for conversation and user state (BOT_STORAGE_CONTAINER).')
param stateContainer string = 'bot-state'

@description('Days after their last change when state blobs are deleted by a lifecycle rule (conversations restart after CONVERSATION_IDLE_MINUTES anyway).')
@minValue(1)
@maxValue(365)
param stateRetentionDays int = 1

@description('Minutes of silence after which a conversation starts afresh (CONVERSATION_IDLE_MINUTES).')
@minValue(1)
@maxValue(1440)
param conversationIdleMinutes int = 30

@description('Key signing the website chat tokens (WEBCHAT_TOKEN_SECRET), 32+ characters: openssl rand -base64 48.')
@secure()
@minLength(32)
param webChatTokenSecret string

@description('Sites allowed to embed the chat page in a frame, space-separated origins (FRAME_ANCESTORS); empty = only the bot\'s own site.')
param frameAncestors string = ''

@description('Microsoft Entra tenant ids, comma-separated, whose Teams users get operator mode (STAFF_TENANT_IDS).')
param staffTenantIds string = ''

@description('Hash of the /agent operator page key from npm run staff:hash (STAFF_ACCESS_KEY_HASH); empty disables the page.')
@secure()
param staffAccessKeyHash string = ''

@description('pino log level (LOG_LEVEL).')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
])
param logLevel string = 'info'

@description('Tags for every resource.')
param tags object = {
  app: 'sarcoma-triage-bot'
}

var suffix = uniqueString(resourceGroup().id, namePrefix)
var webAppName = '${namePrefix}-${suffix}'
var storageAccountName = take(toLower('st${namePrefix}${suffix}'), 24)
var keyVaultName = take('kv-${namePrefix}-${suffix}', 24)
// Built-in role "Key Vault Secrets User".
var keyVaultSecretsUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

// --- Identity of the bot (its Microsoft App ID is this identity's client id) ---
resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${namePrefix}-${suffix}'
  location: location
  tags: tags
}

// --- Conversation state ---
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  sku: {
    name: storageSku
  }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // BlobsStorage connects with a connection string (account key), kept in Key Vault.
    allowSharedKeyAccess: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateBlobContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainer
  properties: {
    publicAccess: 'None'
  }
}

// Old state is deleted by the platform: nothing about a visitor lingers after the conversation.
resource stateLifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-conversation-state'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${stateContainer}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: stateRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

// --- Secrets ---
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource storageSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'azure-storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource tokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'webchat-token-secret'
  properties: {
    value: webChatTokenSecret
  }
}

resource staffKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(staffAccessKeyHash)) {
  parent: vault
  name: 'staff-access-key-hash'
  properties: {
    value: staffAccessKeyHash
  }
}

resource botReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, botIdentity.id, keyVaultSecretsUserRole)
  properties: {
    roleDefinitionId: keyVaultSecretsUserRole
    principalId: botIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// --- The bot's web server ---
resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-${namePrefix}-${suffix}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${botIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Any instance can take any turn: state is in Blob Storage and tokens are signed with a shared key.
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: botIdentity.id
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // V8 options: src/runtime/nodeFlags.ts (a test keeps every launcher in step).
      appCommandLine: 'node --max-semi-space-size=8 dist/src/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      webSocketsEnabled: false
      appSettings: [
        // App Service sets PORT; the bot listens on it.
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: botIdentity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: tenant().tenantId
        }
        {
          name: 'BOT_STORAGE'
          value: 'blob'
        }
        {
          name: 'AZURE_STORAGE_CONNECTION_STRING'
          value: '@Microsoft.KeyVault(SecretUri=${storageSecret.properties.secretUri})'
        }
        {
          name: 'BOT_STORAGE_CONTAINER'
          value: stateContainer
        }
        {
          name: 'CONVERSATION_IDLE_MINUTES'
          value: string(conversationIdleMinutes)
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        {
          name: 'SHUTDOWN_GRACE_MS'
          value: '10000'
        }
        // The package is mounted read-only; /home is writable (and shared by instances).
        {
          name: 'CURATOR_LOG_PATH'
          value: '/home/data/curator/curator-log.jsonl'
        }
        {
          name: 'CURATOR_LOG_RETENTION_DAYS'
          value: '90'
        }
        {
          name: 'WEBCHAT_TOKEN_SECRET'
          value: '@Microsoft.KeyVault(SecretUri=${tokenSecret.properties.secretUri})'
        }
        {
          name: 'WEBCHAT_TOKEN_TTL_SECONDS'
          value: '900'
        }
        {
          name: 'FRAME_ANCESTORS'
          value: frameAncestors
        }
        {
          name: 'STAFF_TENANT_IDS'
          value: staffTenantIds
        }
        {
          name: 'STAFF_ACCESS_KEY_HASH'
          value: empty(staffAccessKeyHash) ? '' : '@Microsoft.KeyVault(SecretUri=${staffKeySecret.properties.secretUri})'
        }
        // The code is built before deployment (see deploy/README.md) and run from the zip as uploaded.
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        {
          name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES'
          value: '3'
        }
      ]
    }
  }
  dependsOn: [
    botReadsSecrets
    stateBlobContainer
  ]
}

// --- The Azure Bot: channels reach the web app's /api/messages ---
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${namePrefix}-${suffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Sarcoma triage assistant'
    description: 'Triage assistant of the sarcoma and rare tumours department (Italian and English).'
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: botIdentity.properties.clientId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: botIdentity.id
    publicNetworkAccess: 'Enabled'
    schemaTransformationVersion: '1.3'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Website'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
        }
      ]
    }
  }
}

resource webChatChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

@description('The web app (zip-deploy the built bot here).')
output webAppName string = webApp.name

@description('The chat page for visitors, and the base of /healthz.')
output webAppUrl string = 'https://${webApp.properties.defaultHostName}'

@description('The bot\'s Microsoft App ID: put it in the Teams app package (MicrosoftAppId for npm run teams:package).')
output microsoftAppId string = botIdentity.properties.clientId

@description('The Azure Bot resource (channels, Direct Line secret, Test in Web Chat).')
output botName string = bot.name

@description('The Storage account holding conversation state.')
output storageAccountName string = storage.name

@description('The Key Vault holding the secrets.')
output keyVaultName string = vault.name
